import { signOut, token } from './session.js';

/** A refused API call: `message` is the problem's `detail`, written for people. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The server answered ${status}`);
    this.status = status;
    this.code = problem.code ?? null;
  }
}

export function authorization() {
  const bearer = token();
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

/** Calls the API as the signed-in user; JSON in and out, problem+json errors thrown as ApiError. */
export async function api(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const response = await fetch(path, {
    method,
    signal,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...authorization(),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event('yarnnn:signed-out'));
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.status === 204 ? null : response.json();
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}
