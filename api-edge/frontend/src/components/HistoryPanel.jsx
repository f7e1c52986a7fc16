import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api.js';
import { isTerminal } from '../lib/exportWatch.js';
import { dateTime, safeLink, time } from '../lib/format.js';

const STATUS_TEXT = { QUEUED: 'Queued', RUNNING: 'Running', RETRYING: 'Retrying', SUCCEEDED: 'Delivered',
  FAILED: 'Failed', DEAD_LETTERED: 'Dead-lettered' };
const PAGE_SIZE = 20;
const FOLLOW_MS = 10_000;

/** The deliverable's exports, newest first: status, attempts, time, destination, link; Retry on failed ones. */
export function HistoryPanel({ deliverableId, providers, refreshKey }) {
  const [exports, setExports] = useState(null);
  const [nextCursor, setNextCursor] = useState(null);
  const [error, setError] = useState(null);
  const [retrying, setRetrying] = useState(null);

  const path = `/api/deliverables/${encodeURIComponent(deliverableId)}/exports?limit=${PAGE_SIZE}`;
  const load = useCallback(async () => {
    try {
      const page = await api(path);
      setExports(page.exports);
      setNextCursor(page.next_cursor);
      setError(null);
    } catch (failure) {
      setError(failure.message);
    }
  }, [path]);

  // a refresh asked for (an export, a retry, an approval) keeps watching a while: approvals export asynchronously
  const [followUntil, setFollowUntil] = useState(0);
  useEffect(() => {
    load();
    setFollowUntil(Date.now() + FOLLOW_MS);
  }, [load, refreshKey]);

  // exports still under way are refreshed until they end
  useEffect(() => {
    if (!exports?.some((item) => !isTerminal(item.status)) && Date.now() > followUntil) {
      return undefined;
    }
    const timer = setTimeout(load, 1500);
    return () => clearTimeout(timer);
  }, [exports, load, followUntil]);

  const older = async () => {
    try {
      const page = await api(`${path}&cursor=${encodeURIComponent(nextCursor)}`);
      setExports((shown) => [...shown, ...page.exports]);
      setNextCursor(page.next_cursor);
    } catch (failure) {
      setError(failure.message);
    }
  };

  const retry = async (item) => {
    setRetrying(item.export_id);
    try {
      await api(`/api/exports/${item.export_id}/retry`, { method: 'POST' });
      setError(null);
    } catch (failure) {
      setError(failure.message);
    }
    setRetrying(null);
    await load();
  };

  const providerName = (id) => providers.find((p) => p.id === id)?.display_name ?? id;

  return (
    <section className="panel history" aria-labelledby="history-title">
      <div className="panel-head">
        <h2 id="history-title">Export history</h2>
        <button type="button" className="link" onClick={load}>Refresh</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {exports === null && !error && <p>Loading…</p>}
      {exports?.length === 0 && <p className="muted">Nothing exported yet.</p>}
      {exports?.length > 0 && (
        <table className="history-table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Destination</th>
              <th scope="col">Attempts</th>
              <th scope="col">Requested</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {exports.map((item) => (
              <tr key={item.export_id} data-export-id={item.export_id} data-status={item.status}>
                <td data-label="Status">
                  <span className={`badge status-${item.status.toLowerCase()}`}>{STATUS_TEXT[item.status] ?? item.status}</span>
                  {item.trigger === 'APPROVAL' && <span className="badge auto" title="Exported on approval">auto</span>}
                </td>
                <td data-label="Destination">{providerName(item.provider_id)} · {item.destination_name ?? item.destination_id}</td>
                <td data-label="Attempts"><Attempts item={item} /></td>
                <td data-label="Requested"><time dateTime={item.created_at}>{dateTime(item.created_at)}</time></td>
                <td data-label="Result"><Result item={item} retrying={retrying === item.export_id} onRetry={retry} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && <button type="button" onClick={older}>Show older exports</button>}
    </section>
  );
}

function Attempts({ item }) {
  if (!item.attempts?.length) {
    return <span>{item.attempt}</span>;
  }
  return (
    <details>
      <summary>{item.attempt}</summary>
      <ol className="attempts">
        {item.attempts.map((attempt, index) => (
          <li key={index}>
            #{attempt.attempt} {STATUS_TEXT[attempt.status] ?? attempt.status} at {time(attempt.occurred_at)}
            {attempt.error && <>: {attempt.error.message}</>}
          </li>
        ))}
      </ol>
    </details>
  );
}

function Result({ item, retrying, onRetry }) {
  const link = safeLink(item.external_url);
  if (item.status === 'SUCCEEDED' && link) {
    return <a href={link} target="_blank" rel="noopener noreferrer">Open<span className="visually-hidden"> {item.title} (new tab)</span></a>;
  }
  if (item.status === 'FAILED' || item.status === 'DEAD_LETTERED') {
    return (
      <span className="history-failure">
        <span>{item.error?.message}</span>
        <button type="button" onClick={() => onRetry(item)} disabled={retrying}>{retrying ? 'Retrying…' : 'Retry'}</button>
      </span>
    );
  }
  return item.status === 'RETRYING' && item.next_attempt_at ? <span>next try {time(item.next_attempt_at)}</span> : null;
}
