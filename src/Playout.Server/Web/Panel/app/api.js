// The API as the panel uses it: the token (kept for this browser tab only, sent in a header, never in a URL), plain
// requests, and the one live stream, reopened with a growing wait when the service goes away.

const tokenKey = 'playout.token';

export const token = {
  get: () => sessionStorage.getItem(tokenKey),
  set: value => value ? sessionStorage.setItem(tokenKey, value) : sessionStorage.removeItem(tokenKey),
};

const headers = () => token.get() ? { Authorization: 'Bearer ' + token.get() } : {};

/** A problem answer's detail, or the status text. */
async function problemOf(response) {
  try {
    const body = await response.json();
    return body.detail ?? body.title ?? response.statusText;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

export class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

export async function get(path) {
  const response = await fetch(path, { headers: headers(), cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

export const getJson = async path => (await get(path)).json();

export async function post(path, body) {
  const init = { method: 'POST', headers: headers() };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.status === 204 ? null : response.json();
}

export async function remove(path) {
  const response = await fetch(path, { method: 'DELETE', headers: headers() });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.json();
}

/** Sends a text body (a schedule file, a script): the answer's JSON and whether it was accepted, errors included. */
export async function sendText(method, path, text) {
  const response = await fetch(path, { method, headers: { ...headers(), 'Content-Type': 'text/plain' }, body: text });
  let body;
  try { body = await response.json(); } catch { body = { detail: `${response.status} ${response.statusText}` }; }
  return { ok: response.ok, body };
}

/** Saves what a read-only link would give (as-run exports) with the token in the header. */
export async function download(path, fileName) {
  const blob = await (await get(path)).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * The panel's stream: handlers for its events, and onState('live' | 'lost', retryInSeconds). A stream that fails is
 * closed and opened again (a fresh ticket each time: a ticket opens one stream once) after 0.5, 1, 2, 4, then 5 s.
 */
export function openStream(handlers, onState) {
  let wait = 500, timer = null;
  const connect = async () => {
    timer = null;
    let ticket = null;
    try {
      ticket = token.get() ? (await post('/api/stream-ticket')).value : null;
    } catch {
      return retry();
    }
    const source = new EventSource('/api/panel/stream' + (ticket ? '?ticket=' + encodeURIComponent(ticket) : ''));
    source.onopen = () => { wait = 500; onState('live'); };
    source.onerror = () => { source.close(); retry(); };
    for (const [event, handle] of Object.entries(handlers))
      source.addEventListener(event, e => handle(JSON.parse(e.data)));
  };
  const retry = () => {
    if (timer) return;
    onState('lost', wait / 1000);
    timer = setTimeout(connect, wait);
    wait = Math.min(wait * 2, 5000);
  };
  connect();
}
