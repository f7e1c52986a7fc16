import { useEffect, useRef, useState } from 'react';
import { api } from '../lib/api.js';
import { useIntegrations } from '../lib/integrations.js';
import { onOAuthResult, startOAuth } from '../lib/oauthPopup.js';
import { AssistantSetup } from './AssistantSetup.jsx';
import { ConfirmDialog } from './ConfirmDialog.jsx';
import { ProviderCard } from './ProviderCard.jsx';

/**
 * Settings › Integrations: a card per available provider. Connect opens the vendor's authorization in a popup; the
 * card updates when the popup reports back (or closes), and focus returns to the card. Below the cards, how to use
 * YARNNN from an AI assistant.
 */
export function IntegrationsPage({ returned }) {
  const { providers, connections, error, reload } = useIntegrations();
  const [notice, setNotice] = useState(() => (returned ? noticeOf(returned) : null));
  const [connecting, setConnecting] = useState(null);
  const [disconnecting, setDisconnecting] = useState(null);
  const buttons = useRef({});
  const providersRef = useRef(providers);
  providersRef.current = providers;

  const focusCard = (providerId) => requestAnimationFrame(() => buttons.current[providerId]?.focus());

  useEffect(() => {
    if (returned) {
      // this page is the OAuth return itself (a popup, or the whole tab without one): it shows, not listens
      window.history.replaceState(null, '', window.location.pathname);
      return undefined;
    }
    return onOAuthResult(async (result) => {
      await reload();
      setConnecting(null);
      setNotice(noticeOf(result, providersRef.current));
      if (result.provider) {
        focusCard(result.provider);
      }
    });
  }, [reload, returned]);

  const connect = async (provider) => {
    setNotice(null);
    setConnecting(provider.id);
    try {
      const popup = await startOAuth(provider.id);
      const closed = setInterval(async () => {
        if (!popup || popup.closed) {
          clearInterval(closed);
          await reload();
          setConnecting((current) => (current === provider.id ? null : current));
          focusCard(provider.id);
        }
      }, 500);
    } catch (failure) {
      setConnecting(null);
      setNotice({ kind: 'error', text: failure.message });
    }
  };

  const disconnect = async () => {
    const { provider, connection } = disconnecting;
    setDisconnecting(null);
    try {
      await api(`/api/integrations/${encodeURIComponent(provider.id)}`, { method: 'DELETE' });
      setNotice({ kind: 'info', text: `Disconnected ${provider.display_name} (${connection.account_name}).` });
    } catch (failure) {
      setNotice({ kind: 'error', text: failure.message });
    }
    await reload();
    focusCard(provider.id);
  };

  return (
    <main id="main" className="settings" tabIndex="-1" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="tabs" role="presentation">
        <span className="tab current" aria-current="page">Integrations</span>
      </div>
      <p className="lead">Connect the places your deliverables go. Tokens stay encrypted on the server; this page never sees them.</p>
      <div aria-live="polite" className="notice-region">
        {notice && <p className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>{notice.text}</p>}
      </div>
      {error && <p className="notice error" role="alert">{error.message}</p>}
      {!providers && !error && <p>Loading integrations…</p>}
      <div className="cards">
        {providers?.map((provider) => (
          <ProviderCard key={provider.id} provider={provider} connections={connections}
            busy={connecting === provider.id}
            buttonRef={(element) => { buttons.current[provider.id] = element; }}
            onConnect={connect}
            onDisconnect={(p, connection) => setDisconnecting({ provider: p, connection })} />
        ))}
      </div>
      <AssistantSetup />
      {disconnecting && (
        <ConfirmDialog title={`Disconnect ${disconnecting.provider.display_name}?`} confirmLabel="Disconnect"
          onConfirm={disconnect} onCancel={() => { setDisconnecting(null); focusCard(disconnecting.provider.id); }}>
          <p>
            Exports to {disconnecting.connection.account_name} stop until you connect again, and its auto-export
            destinations will not be delivered. The server revokes the access it was given.
          </p>
        </ConfirmDialog>
      )}
    </main>
  );
}

function noticeOf(result, providers = null) {
  if (result.connected) {
    const name = providers?.find((p) => p.id === result.provider)?.display_name ?? result.provider;
    return { kind: 'success', text: `Connected ${name}.` };
  }
  return { kind: 'error', text: result.message };
}
