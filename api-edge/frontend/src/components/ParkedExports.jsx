import { useId, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog.jsx';
import { LoadState } from './LoadState.jsx';
import { api } from '../lib/api.js';
import { dateTime } from '../lib/format.js';
import { KINDS, batchBody, counted, filterQuery, useOperatorsRoute, useSettled } from '../lib/operations.js';

/**
 * One provider's dead letters or parked exports, filtered by error code, cause and time; each replayable on its own,
 * and the dead letters shown in a batch, after a confirmation that states how many will be sent. The batch carries
 * that count: the server sends nothing if the selection changed meanwhile (409), and the list is loaded again.
 */
export function ParkedExports({ providers, selection, onSelectionChange, counts, refreshKey, onReplayed }) {
  const id = useId();
  // the list, its count and a batch replay all follow the settled filters
  const settled = useSettled(selection);
  const { provider, kind } = settled;
  const base = `/api/ops/${kind}/${encodeURIComponent(provider)}`;
  const [ownRefresh, setOwnRefresh] = useState(0);
  const { data, error } = useOperatorsRoute(`${base}${filterQuery(settled)}`, `${refreshKey}-${ownRefresh}`);
  const [asking, setAsking] = useState(null);
  const [outcome, setOutcome] = useState(null);
  const noun = KINDS[kind].noun;
  const replayable = data?.filter((entry) => entry.replayable) ?? [];
  const codes = counts?.[KINDS[selection.kind].field].map((count) => count.error_code) ?? [];

  const change = (field) => (event) => onSelectionChange({ ...selection, [field]: event.target.value });
  const changeKind = (event) => onSelectionChange({ ...selection, kind: event.target.value, errorCode: '' });

  const replay = async ({ path, body }) => {
    setAsking(null);
    try {
      const summary = await api(path, { method: 'POST', body });
      const requeued = summary.results.REQUEUED ?? 0;
      setOutcome({ ok: true, text: `Replayed: ${requeued} requeued, ${summary.selected - requeued} skipped.` });
    } catch (failure) {
      setOutcome({ ok: false, text: failure.message });
    }
    setOwnRefresh((key) => key + 1);
    onReplayed();
  };

  const askBatch = () => setAsking({
    title: `Replay ${counted(replayable.length, noun)}?`,
    text: `${counted(replayable.length, noun)} of ${provider}${settled.errorCode ? ` with error ${settled.errorCode}` : ''}`
      + ' will be sent again under their export ids, so none is delivered twice. If the selection has changed by'
      + ' then, nothing is sent.',
    confirm: `Replay ${replayable.length}`,
    path: `${base}/replay`, body: batchBody(settled, replayable.length),
  });

  const askOne = (entry) => setAsking({
    title: 'Replay this export?',
    text: `1 export (${entry.export_id}) to ${entry.destination_name ?? entry.destination_id} will be sent again under`
      + ' its export id.',
    confirm: 'Replay 1',
    path: `${base}/${entry.partition}/${entry.offset}/replay`, body: {},
  });

  return (
    <section className="panel records" aria-labelledby="records-title">
      <h2 id="records-title">{KINDS[kind].label} of {provider}</h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Filters">
        <div>
          <label htmlFor={`${id}-provider`}>Provider</label>
          <select id={`${id}-provider`} value={selection.provider} onChange={change('provider')}>
            {providers.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-kind`}>Where</label>
          <select id={`${id}-kind`} value={selection.kind} onChange={changeKind}>
            {Object.entries(KINDS).map(([value, { label }]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-code`}>Error code</label>
          <select id={`${id}-code`} value={selection.errorCode} onChange={change('errorCode')}>
            <option value="">Any</option>
            {codes.map((code) => <option key={code} value={code}>{code}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-cause`}>Cause contains</label>
          <input id={`${id}-cause`} value={selection.cause} onChange={change('cause')} spellCheck="false" />
        </div>
        <div>
          <label htmlFor={`${id}-from`}>Parked from</label>
          <input id={`${id}-from`} type="datetime-local" value={selection.from} onChange={change('from')} />
        </div>
        <div>
          <label htmlFor={`${id}-to`}>until</label>
          <input id={`${id}-to`} type="datetime-local" value={selection.to} onChange={change('to')} />
        </div>
      </form>
      {outcome && <p className={`notice ${outcome.ok ? 'success' : 'error'}`} role="status">{outcome.text}</p>}
      <LoadState data={data} error={error} />
      {data?.length === 0 && <p className="muted">No {noun}s match.</p>}
      {KINDS[kind].batch && data?.length > 0 && (
        <div className="actions">
          <button type="button" className="primary batch-replay" disabled={replayable.length === 0} onClick={askBatch}>
            Replay {counted(replayable.length, noun)}
          </button>
        </div>
      )}
      {data?.length > 0 && (
        <table className="ops-table records-table">
          <thead>
            <tr>
              <th scope="col">Export</th>
              <th scope="col">User</th>
              <th scope="col">Destination</th>
              <th scope="col">Attempts</th>
              <th scope="col">First failure</th>
              <th scope="col">Last error</th>
              <th scope="col">Parked</th>
              <th scope="col">Status now</th>
              <th scope="col"><span className="visually-hidden">Replay</span></th>
            </tr>
          </thead>
          <tbody>
            {data.map((entry) => (
              <tr key={`${entry.partition}-${entry.offset}`} data-export-id={entry.export_id ?? ''}
                data-status={entry.status ?? ''}>
                <td data-label="Export"><code title={entry.export_id}>{entry.export_id?.slice(0, 8) ?? 'unreadable'}</code></td>
                <td data-label="User"><code title={entry.user_id}>{entry.user_id?.slice(0, 8) ?? '—'}</code></td>
                <td data-label="Destination">{entry.destination_name ?? entry.destination_id ?? '—'}</td>
                <td data-label="Attempts">{entry.attempts ?? '—'}</td>
                <td data-label="First failure">{entry.first_failure ?? '—'}</td>
                <td data-label="Last error"><code>{entry.error_code}</code>{entry.error_message && `: ${entry.error_message}`}</td>
                <td data-label="Parked"><time dateTime={entry.parked_at}>{dateTime(entry.parked_at)}</time></td>
                <td data-label="Status now">
                  {entry.status && <span className={`badge status-${entry.status.toLowerCase()}`}>{entry.status}</span>}
                </td>
                <td>
                  {entry.replayable && <button type="button" onClick={() => askOne(entry)}>Replay</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <ConfirmDialog title={asking.title} confirmLabel={asking.confirm} onConfirm={() => replay(asking)}
          onCancel={() => setAsking(null)}>
          <p>{asking.text}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
