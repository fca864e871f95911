import { getLang } from './i18n.js';

/** An API failure: status 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
  get retryable() {
    return this.status === 0 || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

export let onUnauthenticated = () => {};
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

/** Calls the Parta API with the session cookie; resolves with the parsed JSON (or null), rejects with ApiError. */
export async function api(method, path, body, signal) {
  const headers = { 'Accept-Language': getLang(), Accept: 'application/json' };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined || form ? body : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e.message);
  }
  const text = await res.text().catch(() => '');
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, json?.code ?? 'HTTP_' + res.status, json?.message ?? res.statusText);
    err.body = json;
    if (res.status === 401 && path !== '/api/v1/auth/login') onUnauthenticated(err);
    throw err;
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body, signal) => api('POST', path, body ?? {}, signal);
export const patch = (path, body) => api('PATCH', path, body ?? {});
export const del = (path) => api('DELETE', path);
