import { safeLink, time } from '../lib/format.js';

const LINK_TEXT = { slack: 'Open in Slack', notion: 'Open in Notion', gmail: 'Open in Gmail', folder: 'Open the file' };

/**
 * Where one export stands, announced to screen readers as it changes: progress while it is queued, running or
 * retrying; the link to the delivered item; or the failure's reason with Retry (for its owner).
 */
export function ExportStatus({ item, onRetry, retrying = false }) {
  if (!item) {
    return null;
  }
  return (
    <div className={`export-status status-${item.status.toLowerCase()}`} role="status" aria-live="polite"
      data-export-id={item.export_id} data-status={item.status}>
      <StatusBody item={item} onRetry={onRetry} retrying={retrying} />
    </div>
  );
}

function StatusBody({ item, onRetry, retrying }) {
  switch (item.status) {
    case 'QUEUED':
      return <Progress text="Queued" />;
    case 'RUNNING':
      return <Progress text={item.attempt > 1 ? `Delivering (attempt ${item.attempt})` : 'Delivering'} />;
    case 'RETRYING':
      return (
        <>
          <Progress text={`Retrying${item.next_attempt_at ? ` at ${time(item.next_attempt_at)}` : ''}`} />
          {item.error && <p className="status-reason">Attempt {item.attempt} failed: {item.error.message}</p>}
        </>
      );
    case 'SUCCEEDED':
      return <Delivered item={item} />;
    case 'FAILED':
    case 'DEAD_LETTERED':
      return <Failed item={item} onRetry={onRetry} retrying={retrying} />;
    default:
      return <span>{item.status}</span>;
  }
}

function Progress({ text }) {
  return (
    <span className="status-progress">
      <span className="spinner" aria-hidden="true" />
      {text}…
    </span>
  );
}

function Delivered({ item }) {
  const link = safeLink(item.external_url);
  return (
    <span className="status-done">
      <span aria-hidden="true">✓ </span>Delivered{' '}
      {link && (
        <a href={link} target="_blank" rel="noopener noreferrer" className="delivered-link">
          {LINK_TEXT[item.provider_id] ?? 'Open'}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      )}
      {link?.startsWith('file:') && <code className="delivered-path">{decodeURI(new URL(link).pathname)}</code>}
    </span>
  );
}

function Failed({ item, onRetry, retrying }) {
  const reason = item.error?.message || 'The export failed';
  return (
    <span className="status-failed">
      <span className="status-reason">
        <strong>{item.status === 'DEAD_LETTERED' ? 'Failed after every retry' : 'Failed'}:</strong> {reason}
      </span>
      {onRetry && (
        <button type="button" onClick={() => onRetry(item)} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
    </span>
  );
}
