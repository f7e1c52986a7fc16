import { useEffect, useRef, useState } from 'react';
import { api } from '../lib/api.js';
import { copyToClipboard } from '../lib/clipboard.js';
import { isTerminal, watchExport } from '../lib/exportWatch.js';
import { slug } from '../lib/format.js';
import { loadDestinations } from '../lib/integrations.js';
import { canExport } from '../lib/providers.js';
import { followLink } from '../lib/router.js';
import { DestinationPicker } from './DestinationPicker.jsx';
import { ExportStatus } from './ExportStatus.jsx';
import { ProviderIcon } from './ProviderIcon.jsx';

const BUTTON_STATE = { QUEUED: 'queued', RUNNING: 'delivering', RETRYING: 'retrying', SUCCEEDED: 'delivered',
  FAILED: 'failed', DEAD_LETTERED: 'failed' };

/**
 * The action bar under a deliverable: Copy, one button per provider (disabled with a way to settings when the
 * provider is not connected), downloads. A provider's button opens its destination picker; once exported, the
 * button and the line below the bar follow the export live until it is delivered (with its link) or failed (with
 * the reason and Retry).
 */
export function ExportBar({ deliverable, providers, connections, onExportsChanged }) {
  const [chosen, setChosen] = useState(null);
  const [runs, setRuns] = useState({});
  const [feedback, setFeedback] = useState('');
  const watchers = useRef({});
  const buttons = useRef({});

  useEffect(() => () => Object.values(watchers.current).forEach((stop) => stop()), []);

  const updateRun = (providerId, change) => setRuns((all) => ({ ...all, [providerId]: { ...all[providerId], ...change } }));

  const follow = (providerId, exportId) => {
    watchers.current[providerId]?.();
    watchers.current[providerId] = watchExport(exportId, {
      onUpdate: (item) => {
        updateRun(providerId, { item, retrying: false });
        if (isTerminal(item.status)) {
          onExportsChanged();
        }
      },
      onError: (error) => updateRun(providerId, { problem: error.message }),
    });
  };

  const exported = (provider, destination, accepted) => {
    updateRun(provider.id, {
      destination: destination.name, problem: null,
      item: { export_id: accepted.export_id, status: accepted.status, provider_id: provider.id, attempt: 0 },
    });
    follow(provider.id, accepted.export_id);
    onExportsChanged();
    setChosen(null);
    buttons.current[provider.id]?.focus();
  };

  const retry = async (providerId, item) => {
    updateRun(providerId, { retrying: true, problem: null });
    try {
      await api(`/api/exports/${item.export_id}/retry`, { method: 'POST' });
      follow(providerId, item.export_id);
      onExportsChanged();
    } catch (failure) {
      updateRun(providerId, { retrying: false, problem: failure.message });
    }
  };

  const copy = async () => setFeedback(await copyToClipboard(deliverable.markdown, 'the deliverable as Markdown'));

  const download = () => {
    const url = URL.createObjectURL(new Blob([deliverable.markdown], { type: 'text/markdown;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${slug(deliverable.title)}.md` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setFeedback(`Downloaded ${link.download}.`);
  };

  return (
    <section className="export-bar" aria-labelledby="export-bar-title">
      <h2 id="export-bar-title" className="visually-hidden">Export</h2>
      <div className="bar" role="group" aria-label="Export this deliverable">
        <button type="button" onClick={copy}>Copy</button>
        <span className="divider" aria-hidden="true" />
        {providers.map((provider) => (
          <ProviderButton key={provider.id} provider={provider} run={runs[provider.id]}
            enabled={canExport(provider, connections)} open={chosen?.id === provider.id}
            buttonRef={(element) => { buttons.current[provider.id] = element; }}
            onChoose={() => setChosen(chosen?.id === provider.id ? null : provider)} />
        ))}
        <span className="divider" aria-hidden="true" />
        <button type="button" onClick={download}>Download .md</button>
        <button type="button" onClick={() => window.print()} title="Opens the print dialog: choose “Save as PDF”">
          Download PDF
        </button>
      </div>
      <p className="hint" aria-live="polite">{feedback}</p>
      {chosen && (
        <ExportForm key={chosen.id} provider={chosen} deliverable={deliverable}
          onExported={(destination, accepted) => exported(chosen, destination, accepted)}
          onCancel={() => { setChosen(null); buttons.current[chosen.id]?.focus(); }} />
      )}
      <ul className="runs" aria-label="Exports from this page">
        {providers.filter((p) => runs[p.id]).map((provider) => (
          <li key={provider.id} data-provider={provider.id}>
            <span className="run-target">
              <ProviderIcon icon={provider.icon} /> {provider.display_name} → {runs[provider.id].destination}
            </span>
            <ExportStatus item={runs[provider.id].item} retrying={runs[provider.id].retrying}
              onRetry={(item) => retry(provider.id, item)} />
            {runs[provider.id].problem && <p className="error" role="alert">{runs[provider.id].problem}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProviderButton({ provider, run, enabled, open, buttonRef, onChoose }) {
  const state = run?.item ? BUTTON_STATE[run.item.status] : null;
  if (!enabled) {
    return (
      <span className="provider-action unavailable" data-provider={provider.id}>
        <button type="button" disabled aria-describedby={`connect-${provider.id}`}>
          <ProviderIcon icon={provider.icon} /> {provider.display_name}
        </button>
        <a id={`connect-${provider.id}`} href="/settings/integrations" onClick={followLink}>
          Connect {provider.display_name} in Settings
        </a>
      </span>
    );
  }
  return (
    <span className="provider-action" data-provider={provider.id}>
      <button type="button" ref={buttonRef} aria-expanded={open} aria-controls="export-form" onClick={onChoose}
        className={state ? `state-${state}` : undefined}>
        <ProviderIcon icon={provider.icon} /> {provider.display_name}
        {state && <span className="button-state">{state === 'delivering' || state === 'queued' || state === 'retrying'
          ? <span className="spinner" aria-hidden="true" /> : null}{state}</span>}
      </button>
    </span>
  );
}

function ExportForm({ provider, deliverable, onExported, onCancel }) {
  const [destination, setDestination] = useState(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState(null);
  // one key per form: a double submit or a resent request is the same export
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const send = async (event) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const accepted = await api('/api/integrations/export', {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: {
          provider_id: provider.id, destination_id: destination.id, destination_name: destination.name,
          title: deliverable.title, content: deliverable.content,
          deliverable_id: deliverable.id, deliverable_version_id: deliverable.versionId,
        },
      });
      onExported(destination, accepted);
    } catch (failure) {
      setError(failure.message);
      setSending(false);
    }
  };

  return (
    <form id="export-form" className="panel export-form" onSubmit={send} aria-labelledby="export-form-title"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h3 id="export-form-title"><ProviderIcon icon={provider.icon} /> Export to {provider.display_name}</h3>
      <DestinationPicker provider={provider} value={destination} onChange={setDestination} loadDestinations={loadDestinations} />
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={!destination || sending}>
          {sending ? 'Exporting…' : `Export to ${provider.display_name}`}
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
