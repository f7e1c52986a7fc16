import { useState } from 'react';
import { BreakerStates } from './BreakerStates.jsx';
import { ConsumerLag } from './ConsumerLag.jsx';
import { FailureCounts } from './FailureCounts.jsx';
import { ParkedExports } from './ParkedExports.jsx';
import { useOperatorsRoute } from '../lib/operations.js';

/**
 * The operators' view: at a glance, every provider's dead letters and parked exports by error code, the consumer
 * groups' lag and the breakers; below, one provider's records with replay. Refreshed on demand and after a replay.
 */
export function OperationsPage() {
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((key) => key + 1);
  const failures = useOperatorsRoute('/api/ops/failures', refreshKey);
  const [selection, setSelection] = useState(null);
  const providers = failures.data?.map((entry) => entry.provider) ?? [];
  const shown = selection ?? (providers.length ? { provider: firstWithRecords(failures.data), kind: 'dead-letters',
    errorCode: '', cause: '', from: '', to: '' } : null);

  const select = (provider, kind, errorCode) => {
    setSelection({ provider, kind, errorCode, cause: '', from: '', to: '' });
    document.getElementById('records-title')?.scrollIntoView({ block: 'start' });
  };

  return (
    <main id="main" tabIndex="-1" className="operations">
      <div className="panel-head">
        <h1>Operations</h1>
        <button type="button" className="link" onClick={refresh}>Refresh</button>
      </div>
      <div className="glance">
        <FailureCounts failures={failures} onSelect={select} />
        <ConsumerLag refreshKey={refreshKey} />
        <BreakerStates refreshKey={refreshKey} />
      </div>
      {shown && (
        <ParkedExports providers={providers} selection={shown} onSelectionChange={setSelection}
          counts={failures.data?.find((entry) => entry.provider === shown.provider)}
          refreshKey={refreshKey} onReplayed={refresh} />
      )}
    </main>
  );
}

function firstWithRecords(failures) {
  const waiting = failures.find((entry) => [...entry.dead_lettered, ...entry.parked].some((c) => c.waiting > 0));
  return (waiting ?? failures[0]).provider;
}
