import { LoadState } from './LoadState.jsx';
import { useOperatorsRoute } from '../lib/operations.js';

/** The pipeline's consumer groups: records not committed yet, and who consumes. */
export function ConsumerLag({ refreshKey }) {
  const { data, error } = useOperatorsRoute('/api/ops/consumer-lag', refreshKey);
  return (
    <section className="panel lag" aria-labelledby="lag-title">
      <h2 id="lag-title">Consumer lag</h2>
      <LoadState data={data} error={error} />
      {data && (
        <table className="ops-table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">State</th>
              <th scope="col">Members</th>
              <th scope="col">Lag</th>
            </tr>
          </thead>
          <tbody>
            {data.map((group) => (
              <tr key={group.group} data-group={group.group}>
                <td data-label="Group"><code>{group.group}</code></td>
                <td data-label="State">{group.state.toLowerCase()}</td>
                <td data-label="Members">{group.members}</td>
                <td data-label="Lag" className={group.lag > 0 ? 'attention' : undefined}>{group.lag}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
