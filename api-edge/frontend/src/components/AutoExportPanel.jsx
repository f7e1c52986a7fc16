import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../lib/api.js';
import { loadDestinations } from '../lib/integrations.js';
import { canExport } from '../lib/providers.js';
import { DestinationPicker } from './DestinationPicker.jsx';
import { ProviderIcon } from './ProviderIcon.jsx';

/** Where this deliverable goes by itself when a new version is approved: destinations with an auto-export switch. */
export function AutoExportPanel({ deliverableId, providers, connections }) {
  const id = useId();
  const path = `/api/deliverables/${encodeURIComponent(deliverableId)}/export-preferences`;
  const [preferences, setPreferences] = useState(null);
  const [error, setError] = useState(null);
  const [providerId, setProviderId] = useState('');
  const [destination, setDestination] = useState(null);
  const [autoExport, setAutoExport] = useState(true);

  const load = useCallback(async () => {
    try {
      setPreferences((await api(path)).preferences);
      setError(null);
    } catch (failure) {
      setError(failure.message);
    }
  }, [path]);

  useEffect(() => {
    load();
  }, [load]);

  const save = async (preference) => {
    try {
      const saved = await api(path, { method: 'POST', body: preference });
      setPreferences((shown) => [...(shown ?? []).filter((p) => p.id !== saved.id), saved]
        .sort((a, b) => (a.created_at < b.created_at ? -1 : 1)));
      setError(null);
      return true;
    } catch (failure) {
      setError(failure.message);
      return false;
    }
  };

  const toggle = (preference) => save({
    provider_id: preference.provider_id, destination_id: preference.destination_id,
    destination_name: preference.destination_name, auto_export: !preference.auto_export,
  });

  const remove = async (preference) => {
    try {
      await api(`${path}/${encodeURIComponent(preference.id)}`, { method: 'DELETE' });
      await load();
    } catch (failure) {
      setError(failure.message);
    }
  };

  const add = async (event) => {
    event.preventDefault();
    if (await save({ provider_id: providerId, destination_id: destination.id, destination_name: destination.name,
      auto_export: autoExport })) {
      setDestination(null);
    }
  };

  const exportable = providers.filter((p) => canExport(p, connections));
  const chosenProvider = exportable.find((p) => p.id === providerId);
  const providerName = (pid) => providers.find((p) => p.id === pid)?.display_name ?? pid;
  const iconOf = (pid) => providers.find((p) => p.id === pid)?.icon;

  return (
    <section className="panel preferences" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Auto-export</h2>
      <p className="muted">When a new version of this deliverable is approved, it is exported to these destinations by itself.</p>
      {error && <p className="error" role="alert">{error}</p>}
      {preferences?.length === 0 && <p className="muted">No destinations picked yet.</p>}
      {preferences?.length > 0 && (
        <ul className="preference-list">
          {preferences.map((preference) => (
            <li key={preference.id} data-preference-id={preference.id}>
              <span className="preference-target">
                <ProviderIcon icon={iconOf(preference.provider_id)} /> {providerName(preference.provider_id)} ·{' '}
                {preference.destination_name ?? preference.destination_id}
              </span>
              <label className="switch">
                <input type="checkbox" role="switch" checked={preference.auto_export} onChange={() => toggle(preference)} />
                Auto-export on approval
              </label>
              <button type="button" className="link" onClick={() => remove(preference)}>
                Remove<span className="visually-hidden"> {preference.destination_name ?? preference.destination_id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="add-preference" onSubmit={add} aria-label="Add an auto-export destination">
        <label htmlFor={`${id}-provider`}>Destination provider</label>
        <select id={`${id}-provider`} value={providerId} onChange={(e) => { setProviderId(e.target.value); setDestination(null); }}>
          <option value="">Choose…</option>
          {exportable.map((p) => <option key={p.id} value={p.id}>{p.display_name}</option>)}
        </select>
        {chosenProvider && (
          <DestinationPicker key={chosenProvider.id} provider={chosenProvider} value={destination}
            onChange={setDestination} loadDestinations={loadDestinations} />
        )}
        <label className="switch">
          <input type="checkbox" checked={autoExport} onChange={(e) => setAutoExport(e.target.checked)} />
          Export automatically on approval
        </label>
        <button type="submit" disabled={!chosenProvider || !destination}>Add destination</button>
      </form>
    </section>
  );
}
