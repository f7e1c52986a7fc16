/**
 * How the page asks for a provider's destination: most list theirs from the connected account (searchable); these
 * take a typed value instead.
 */
const TYPED_DESTINATIONS = {
  folder: { label: 'Folder', placeholder: 'reports/weekly', type: 'text', hint: 'A folder under the export root' },
  gmail: {
    label: 'Recipient email', placeholder: 'team@example.com', type: 'email', hint: 'Separate several addresses with commas',
  },
};

export function typedDestination(providerId) {
  return TYPED_DESTINATIONS[providerId] ?? null;
}

/** What a listed destination is called in the picker's labels. */
export function destinationNoun(providerId) {
  return { slack: 'channel', notion: 'page' }[providerId] ?? 'destination';
}

/** The user's newest connection of the provider, the one its card shows. */
export function connectionOf(connections, providerId) {
  return connections
    .filter((c) => c.provider === providerId)
    .sort((a, b) => (a.connected_at < b.connected_at ? 1 : -1))[0] ?? null;
}

/** Exports go through the newest active connection, so one is enough (or none, for a provider that needs none). */
export function canExport(provider, connections) {
  return !provider.requires_connection
    || connections.some((c) => c.provider === provider.id && c.status === 'active');
}
