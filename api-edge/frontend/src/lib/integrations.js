import { useCallback, useEffect, useState } from 'react';
import { api } from './api.js';

/** The providers this server offers and the user's connections to them, reloadable after a connect or disconnect. */
export function useIntegrations() {
  const [state, setState] = useState({ providers: null, connections: [], error: null });
  const reload = useCallback(async () => {
    try {
      const [available, connected] = await Promise.all([
        api('/api/integrations/available'), api('/api/integrations/connected')]);
      setState({ providers: available.providers, connections: connected.connections, error: null });
    } catch (error) {
      setState((previous) => ({ ...previous, error }));
    }
  }, []);
  useEffect(() => {
    reload();
  }, [reload]);
  return { ...state, reload };
}

/** A connected account's destinations (the server caches them for a minute). */
export async function loadDestinations(providerId) {
  return (await api(`/api/integrations/${encodeURIComponent(providerId)}/destinations`)).destinations;
}
