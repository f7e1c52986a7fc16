import { useEffect, useId, useMemo, useState } from 'react';
import { destinationNoun, typedDestination } from '../lib/providers.js';
import { followLink } from '../lib/router.js';

/**
 * Where an export goes: a searchable list of the connected account's channels or pages (a combobox: type to filter,
 * arrow keys to move, Enter to pick), or a typed value for providers without a list (a folder, email recipients).
 * `value` and `onChange` carry {id, name}.
 */
export function DestinationPicker({ provider, value, onChange, loadDestinations }) {
  const typed = typedDestination(provider.id);
  return typed
    ? <TypedDestination typed={typed} value={value} onChange={onChange} />
    : <ListedDestination provider={provider} value={value} onChange={onChange} loadDestinations={loadDestinations} />;
}

function TypedDestination({ typed, value, onChange }) {
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>{typed.label}</label>
      <input id={id} type={typed.type} required placeholder={typed.placeholder} aria-describedby={`${id}-hint`}
        value={value?.id ?? ''} onChange={(e) => onChange(e.target.value ? { id: e.target.value, name: e.target.value } : null)} />
      <small id={`${id}-hint`} className="hint">{typed.hint}</small>
    </div>
  );
}

function ListedDestination({ provider, value, onChange, loadDestinations }) {
  const id = useId();
  const noun = destinationNoun(provider.id);
  const [destinations, setDestinations] = useState(null);
  const [error, setError] = useState(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    let current = true;
    setDestinations(null);
    setError(null);
    loadDestinations(provider.id).then(
      (listed) => current && setDestinations(listed),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [provider.id, loadDestinations]);

  const matches = useMemo(() => {
    const wanted = query.trim().toLowerCase();
    return (destinations ?? []).filter((d) => d.name.toLowerCase().includes(wanted));
  }, [destinations, query]);
  const activeMatch = matches[Math.min(active, matches.length - 1)];
  const optionId = (destination) => `${id}-option-${destination.id}`;

  const onKeyDown = (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(matches.length - 1, Math.min(index, matches.length - 1) + step)));
    } else if (event.key === 'Enter' && activeMatch) {
      event.preventDefault();
      onChange(activeMatch);
    }
  };

  return (
    <div className="picker">
      <label htmlFor={`${id}-search`}>Search {noun}s</label>
      <input id={`${id}-search`} type="search" role="combobox" autoComplete="off" aria-expanded="true"
        aria-controls={`${id}-list`} aria-autocomplete="list" aria-activedescendant={activeMatch ? optionId(activeMatch) : undefined}
        placeholder={`Type to filter ${noun}s`} value={query}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }} onKeyDown={onKeyDown} />
      {error && (
        <p className="picker-error" role="alert">
          {error.message}{' '}
          {['not_connected', 'needs_reauth'].includes(error.code) && <a href="/settings/integrations" onClick={followLink}>Open settings</a>}
        </p>
      )}
      {!destinations && !error && <p className="hint">Loading {noun}s…</p>}
      <ul id={`${id}-list`} role="listbox" aria-label={`${provider.display_name} ${noun}s`} className="options">
        {matches.map((destination) => (
          <li key={destination.id} id={optionId(destination)} role="option" aria-selected={value?.id === destination.id}
            className={destination === activeMatch ? 'active' : undefined} onClick={() => onChange(destination)}>
            {destination.name}
          </li>
        ))}
      </ul>
      {destinations && matches.length === 0 && (
        <p className="hint">{destinations.length === 0 ? `No ${noun}s to export to.` : `No ${noun} matches “${query}”.`}</p>
      )}
      <p className="hint" aria-live="polite">{value ? `Selected: ${value.name}` : `No ${noun} selected`}</p>
    </div>
  );
}
