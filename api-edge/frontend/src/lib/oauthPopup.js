import { api } from './api.js';

/**
 * The OAuth return: api-edge's callback sends the browser to /settings/integrations?connected=… or ?error=…&message=….
 * That page announces the result on this channel; the page that opened the popup answers, and the popup closes.
 * A BroadcastChannel rather than window.opener: a vendor page with Cross-Origin-Opener-Policy cuts the opener link.
 */
const CHANNEL = 'yarnnn-oauth';

export function oauthResultOf(search) {
  const query = new URLSearchParams(search);
  if (query.get('connected')) {
    return { provider: query.get('connected'), connected: true };
  }
  if (query.get('error')) {
    return { connected: false, error: query.get('error'), message: query.get('message') || 'The connection failed' };
  }
  return null;
}

/** In the popup, back from the vendor: tells the opening page, and closes once it has heard. */
export function announceOAuthResult(result) {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    if (event.data?.type === 'received') {
      channel.close();
      window.close();
    }
  };
  channel.postMessage({ type: 'result', result });
}

/** Listens for results from any popup of this origin; returns a function that stops listening. */
export function onOAuthResult(handle) {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    if (event.data?.type === 'result') {
      channel.postMessage({ type: 'received' });
      handle(event.data.result);
    }
  };
  return () => channel.close();
}

/**
 * Opens the provider's authorization in a popup. The window opens in the click itself (so no popup blocker stops it),
 * then goes to the authorization URL once the server has signed it. Without a popup, the whole page goes there and
 * comes back to the settings page. Resolves to the popup, or null when the page itself was sent.
 */
export async function startOAuth(providerId) {
  const popup = window.open('', CHANNEL, 'popup,width=560,height=720');
  try {
    const { authorization_url: url } = await api(`/api/integrations/${encodeURIComponent(providerId)}/oauth/start`);
    if (popup) {
      popup.location.href = url;
      return popup;
    }
    window.location.assign(url);
    return null;
  } catch (error) {
    popup?.close();
    throw error;
  }
}
