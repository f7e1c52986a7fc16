/** An operators' panel's failure to load (its last data stays shown), or its loading line before any data. */
export function LoadState({ data, error }) {
  if (error) {
    return <p className="error" role="alert">{error}</p>;
  }
  return data === null ? <p>Loading…</p> : null;
}
