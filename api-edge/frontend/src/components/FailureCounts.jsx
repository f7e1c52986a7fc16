import { LoadState } from './LoadState.jsx';
import { KINDS } from '../lib/operations.js';

/** Every provider's dead letters and parked exports, counted by error code; "Show" lists a group below. */
export function FailureCounts({ failures: { data, error }, onSelect }) {
  const rows = (data ?? []).flatMap((entry) => Object.entries(KINDS).flatMap(([kind, { field }]) =>
    entry[field].map((count) => ({ provider: entry.provider, kind, ...count }))));
  return (
    <section className="panel failures" aria-labelledby="failures-title">
      <h2 id="failures-title">Dead letters and parked exports</h2>
      <LoadState data={data} error={error} />
      {data && rows.length === 0 && <p className="muted">Nothing is dead-lettered or parked.</p>}
      {rows.length > 0 && (
        <table className="ops-table">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Where</th>
              <th scope="col">Error code</th>
              <th scope="col" title="A replay would send them: their export still failed">Waiting</th>
              <th scope="col" title="Every record on the topic, replayed ones included">Total</th>
              <th scope="col"><span className="visually-hidden">List</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.provider}-${row.kind}-${row.error_code}`} data-provider={row.provider}
                data-kind={row.kind} data-error-code={row.error_code}>
                <td data-label="Provider">{row.provider}</td>
                <td data-label="Where">{KINDS[row.kind].label}</td>
                <td data-label="Error code"><code>{row.error_code}</code></td>
                <td data-label="Waiting" className={row.waiting > 0 ? 'attention' : undefined}>{row.waiting}</td>
                <td data-label="Total">{row.total}</td>
                <td>
                  <button type="button" className="link" onClick={() => onSelect(row.provider, row.kind, row.error_code)}>
                    Show
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
