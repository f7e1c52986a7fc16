import { LoadState } from './LoadState.jsx';
import { dateTime, time } from '../lib/format.js';
import { useOperatorsRoute } from '../lib/operations.js';

/** The breakers the export-consumer instances report: each provider's, and connections' that are not closed. */
export function BreakerStates({ refreshKey }) {
  const { data, error } = useOperatorsRoute('/api/ops/breakers', refreshKey);
  return (
    <section className="panel breakers" aria-labelledby="breakers-title">
      <h2 id="breakers-title">Circuit breakers</h2>
      <LoadState data={data} error={error} />
      {data && (
        <p className="hint" data-instances={data.instances}>
          {data.instances === 0
            ? `No export-consumer instance reported in the last ${data.staleness_sec} s.`
            : `${data.instances} export-consumer instance${data.instances === 1 ? '' : 's'} reporting.`}
        </p>
      )}
      {data?.breakers.length > 0 && (
        <table className="ops-table">
          <thead>
            <tr>
              <th scope="col">Breaker</th>
              <th scope="col">State</th>
              <th scope="col">Since</th>
              <th scope="col">Instance</th>
            </tr>
          </thead>
          <tbody>
            {data.breakers.map((breaker) => (
              <tr key={`${breaker.instance_id}-${breaker.breaker}`} data-breaker={breaker.breaker}
                data-state={breaker.state}>
                <td data-label="Breaker">
                  {breaker.connection_id
                    ? <span title={breaker.connection_id}>{breaker.provider} connection {breaker.connection_id.slice(0, 8)}…</span>
                    : breaker.provider}
                </td>
                <td data-label="State">
                  <span className={`badge breaker-${breaker.state.toLowerCase()}`}>{breaker.state.toLowerCase().replace('_', '-')}</span>
                </td>
                <td data-label="Since">
                  <time dateTime={breaker.changed_at} title={dateTime(breaker.changed_at)}>{time(breaker.changed_at)}</time>
                </td>
                <td data-label="Instance"><code title={breaker.instance_id}>{breaker.instance_id}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
