// The API as the pages call it: the signed-in user's token from sessionStorage, sent as a bearer
// header on every call and never put in a URL (URLs end up in history, logs and Referer headers).
const TOKEN_KEY = 'spiral.token';

export function storeToken(token) { sessionStorage.setItem(TOKEN_KEY, token.trim()); }
export function currentToken() { return sessionStorage.getItem(TOKEN_KEY); }
export function signOut() { sessionStorage.removeItem(TOKEN_KEY); }

/** The token's claims, read only to choose what to show first; the server checks every call. */
export function claimsOf(token) {
  const part = token.split('.')[1];
  if (!part) throw new Error('This is not a token: a token has three parts separated by dots.');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  const claims = JSON.parse(json);
  if (!claims.role) throw new Error('This token names no role.');
  return claims;
}

export function currentClaims() {
  const token = currentToken();
  if (!token) return null;
  try { return claimsOf(token); } catch { return null; }
}

/** A refused or failed call, with what to do about it in words a user can act on. */
export class ApiError extends Error {
  constructor(status, message, advice) {
    super(message);
    this.status = status;
    this.advice = advice;
  }
}

function adviceFor(status) {
  if (status === 401) return 'Your token was not accepted (it may have expired, or been signed with another secret). Mint a new one and sign in again.';
  if (status === 403) return 'Your token does not give access to this. Sign in with a token for the right role, organisation or region.';
  if (status === 404) return 'Nothing was found here. Check the identifier, or whether the data has been recorded yet.';
  if (status === 409) return 'Someone changed this meanwhile. Reload the page and try again.';
  if (status === 422) return 'The spiral, as it stands now, does not allow this step. Reload the page to see its current state.';
  if (status === 429) return 'The server is busy with other long jobs (replays, evaluations, verifications). Try again in a moment.';
  if (status >= 500) return 'The server could not answer. Try again in a moment; if it persists, check the server log.';
  return 'Check what was entered and try again.';
}

async function call(method, path, body, headers = {}) {
  const token = currentToken();
  if (!token) throw new ApiError(401, 'You are not signed in.', 'Sign in with a token first.');
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'The server did not answer.', 'Check that Spiral is running (npm start) and reload the page.');
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = typeof payload === 'object' && payload ? [].concat(payload.message || payload.error || []).join('; ') : String(payload);
    throw new ApiError(response.status, `${response.status === 403 ? 'Refused' : 'Failed'} (${response.status}): ${detail || response.statusText}`, adviceFor(response.status));
  }
  return payload;
}

export const apiGet = (path) => call('GET', path);
export const apiPost = (path, body, headers) => call('POST', path, body, headers);
