import { dateTime } from '../lib/format.js';
import { connectionOf } from '../lib/providers.js';
import { ProviderIcon } from './ProviderIcon.jsx';

/** One provider on the Integrations tab: what it does, the connected account, and Connect / Disconnect. */
export function ProviderCard({ provider, connections, busy, onConnect, onDisconnect, buttonRef }) {
  const connection = connectionOf(connections, provider.id);
  const titleId = `provider-${provider.id}-title`;
  return (
    <article className="card" aria-labelledby={titleId} data-provider={provider.id}>
      <div className="card-head">
        <ProviderIcon icon={provider.icon} />
        <h2 id={titleId}>{provider.display_name}</h2>
      </div>
      <p className="description">{provider.description}</p>
      <Account provider={provider} connection={connection} />
      <div className="actions">
        {provider.requires_connection && !connection && (
          <button type="button" className="primary" ref={buttonRef} disabled={!provider.connectable || busy}
            onClick={() => onConnect(provider)} aria-describedby={provider.connectable ? undefined : `${titleId}-off`}>
            {busy ? 'Connecting…' : `Connect ${provider.display_name}`}
          </button>
        )}
        {connection?.status === 'needs_reauth' && (
          <button type="button" className="primary" disabled={!provider.connectable || busy} onClick={() => onConnect(provider)}>
            {busy ? 'Connecting…' : 'Reconnect'}
          </button>
        )}
        {connection && (
          <button type="button" ref={connection.status === 'needs_reauth' ? undefined : buttonRef}
            onClick={() => onDisconnect(provider, connection)}>
            Disconnect
          </button>
        )}
      </div>
      {provider.requires_connection && !provider.connectable && (
        <p id={`${titleId}-off`} className="hint">Not available: this server has no {provider.display_name} app configured.</p>
      )}
    </article>
  );
}

function Account({ provider, connection }) {
  if (!provider.requires_connection) {
    return <p className="account">No account needed</p>;
  }
  if (!connection) {
    return <p className="account muted">Not connected</p>;
  }
  return (
    <>
      <p className="account">
        Connected as <strong>{connection.account_name}</strong>
        <br />
        <span className="muted">since <time dateTime={connection.connected_at}>{dateTime(connection.connected_at)}</time></span>
      </p>
      {connection.status === 'needs_reauth' && (
        <p className="warning">
          <span aria-hidden="true">⚠ </span>{provider.display_name} no longer accepts this connection: reconnect it to export again.
        </p>
      )}
      {connection.status === 'revoked' && <p className="warning">This connection was revoked.</p>}
    </>
  );
}
