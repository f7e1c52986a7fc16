import { useId, useState } from 'react';
import { api, ApiError } from '../lib/api.js';
import { signIn } from '../lib/session.js';

// The local stack's dev user (LocalStackMain prints a curl for the same one).
const DEV_USER = '00000000-0000-4000-8000-000000000001';
const UUID_PATTERN = '[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}';

/**
 * Signs in for this tab: the dev login (local stack only) issues a token for any user id; elsewhere a bearer token
 * from the product's auth is pasted.
 */
export function SignIn({ onSignedIn }) {
  const id = useId();
  const [userId, setUserId] = useState(DEV_USER);
  const [operator, setOperator] = useState(false);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const devLogin = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { user_id: userId.trim(), ...(operator ? { roles: ['operator'] } : {}) };
      const { token } = await api('/api/dev/login', { method: 'POST', body });
      signIn(token, { dev: true });
      onSignedIn();
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 404
        ? 'The dev login is off on this server (it needs yarnnn.dev.enabled=true): paste a token below.'
        : failure.message);
    } finally {
      setBusy(false);
    }
  };

  const useToken = (event) => {
    event.preventDefault();
    signIn(pasted.trim());
    onSignedIn();
  };

  return (
    <main className="sign-in" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Sign in to YARNNN exports</h1>
      <form onSubmit={devLogin} className="panel">
        <h2>Dev login (local stack)</h2>
        <label htmlFor={`${id}-user`}>User id</label>
        <input id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)} required
          pattern={UUID_PATTERN} aria-describedby={`${id}-user-hint`} spellCheck="false" />
        <small id={`${id}-user-hint`} className="hint">Any UUID: each one is a separate user with their own connections.</small>
        <label className="switch">
          <input type="checkbox" checked={operator} onChange={(e) => setOperator(e.target.checked)} />
          As an operator (dead letters, lag, breakers)
        </label>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        {error && <p role="alert" className="error">{error}</p>}
      </form>
      <form onSubmit={useToken} className="panel">
        <h2>Or use a bearer token</h2>
        <label htmlFor={`${id}-token`}>Token (HS256 JWT)</label>
        <textarea id={`${id}-token`} rows="3" value={pasted} onChange={(e) => setPasted(e.target.value)} required
          spellCheck="false" autoComplete="off" />
        <button type="submit">Use this token</button>
      </form>
    </main>
  );
}
