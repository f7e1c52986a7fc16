import { useEffect, useState } from 'react';
import { api } from './api.js';

/** The two topics where export-consumer sets requests aside, as the operators' routes name them. */
export const KINDS = {
  'dead-letters': { label: 'Dead letters', noun: 'dead letter', field: 'dead_lettered', batch: true },
  parked: { label: 'Parked', noun: 'parked export', field: 'parked', batch: false },
};

/** A list route's query: only the filters set. */
export function filterQuery({ errorCode, cause, from, to }) {
  const query = new URLSearchParams();
  if (errorCode) query.set('error_code', errorCode);
  if (cause) query.set('cause', cause);
  if (from) query.set('from', new Date(from).toISOString());
  if (to) query.set('to', new Date(to).toISOString());
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The same filters as a batch replay's body, with the count the operator confirmed. */
export function batchBody({ errorCode, cause, from, to }, expectedCount) {
  return {
    ...(errorCode ? { error_code: errorCode } : {}),
    ...(cause ? { cause } : {}),
    ...(from ? { from: new Date(from).toISOString() } : {}),
    ...(to ? { to: new Date(to).toISOString() } : {}),
    expected_count: expectedCount,
  };
}

/** "2 dead letters", "1 parked export". */
export function counted(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `value` once it has not changed for `ms`: typing a filter reads the topics once, not on every key. */
export function useSettled(value, ms = 400) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Loads an operators' route again whenever `refreshKey` changes; `data` stays shown while it reloads. */
export function useOperatorsRoute(path, refreshKey) {
  const [state, setState] = useState({ data: null, error: null });
  useEffect(() => {
    if (!path) {
      return undefined;
    }
    const abort = new AbortController();
    api(path, { signal: abort.signal })
      .then((data) => setState({ data, error: null }))
      .catch((failure) => {
        if (failure.name !== 'AbortError') {
          setState((shown) => ({ data: shown.data, error: failure.message }));
        }
      });
    return () => abort.abort();
  }, [path, refreshKey]);
  return state;
}
