// The signed-in user's bearer token, kept for this browser tab only (sessionStorage), never in the URL.
const KEY = 'yarnnn.token';
const DEV = 'yarnnn.dev';

export function token() {
  return sessionStorage.getItem(KEY);
}

/** @param dev signed in through the dev login: the local stack's dev tools are shown */
export function signIn(bearerToken, { dev = false } = {}) {
  sessionStorage.setItem(KEY, bearerToken);
  sessionStorage.setItem(DEV, String(dev));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(DEV);
}

export function devMode() {
  return sessionStorage.getItem(DEV) === 'true';
}

/** The user id (the token's subject), shown in the header; the server checks the token, not this. */
export function userId() {
  return claims()?.sub ?? null;
}

/**
 * Whether the token names the `operator` role: the page then shows the Operations view. Only a hint for the page:
 * the server refuses the operators' routes to any other token.
 */
export function isOperator() {
  const roles = claims()?.roles;
  return Array.isArray(roles) && roles.includes('operator');
}

function claims() {
  const bearer = token();
  if (!bearer) {
    return null;
  }
  try {
    const payload = bearer.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}
