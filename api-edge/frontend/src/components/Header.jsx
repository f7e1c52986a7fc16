import { followLink } from '../lib/router.js';
import { isOperator, userId } from '../lib/session.js';

export function Header({ path, onSignOut }) {
  const user = userId();
  return (
    <header className="top">
      <a className="skip" href="#main">Skip to content</a>
      <span className="brand">YARNNN</span>
      <nav aria-label="Main">
        <a href="/" onClick={followLink} aria-current={path.startsWith('/deliverables') ? 'page' : undefined}>Deliverable</a>
        <a href="/settings/integrations" onClick={followLink} aria-current={path === '/settings/integrations' ? 'page' : undefined}>Integrations</a>
        {isOperator() && <a href="/ops" onClick={followLink} aria-current={path === '/ops' ? 'page' : undefined}>Operations</a>}
      </nav>
      <span className="user" title={user ?? ''}>{user ? `User ${user.slice(0, 8)}…` : ''}</span>
      <button type="button" className="link" onClick={onSignOut}>Sign out</button>
    </header>
  );
}
