// The signed-in user's bearer token, kept for this browser tab only (sessionStorage), never in the URL.
const KEY = 'yarnnn.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(bearerToken) {
  sessionStorage.setItem(KEY, bearerToken);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** The user id (the token's subject), shown in the header; the server checks the token, not this. */
export function userId() {
  const bearer = token();
  if (!bearer) {
    return null;
  }
  try {
    const payload = bearer.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).sub ?? null;
  } catch {
    return null;
  }
}
