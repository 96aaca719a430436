// The browser keeps the access token in sessionStorage: gone when the tab closes, never in a cookie.
const KEY = 'cm.session';

export const session = {
  get() {
    try {
      const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
      return value && value.expiresAt > Date.now() ? value : null;
    } catch {
      return null;
    }
  },
  set(login) {
    const value = { token: login.accessToken, user: login.user, expiresAt: Date.now() + login.expiresIn * 1000 };
    sessionStorage.setItem(KEY, JSON.stringify(value));
    return value;
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `İstek başarısız (${status})`);
    this.status = status;
    this.code = body?.code;
    this.details = body?.details ?? [];
  }

  /** The message for one field, e.g. `citizen.phone`. */
  field(name) {
    return this.details.find((d) => d.field === name)?.message;
  }
}

/** Calls /api/v1 with the session's token; a 401 ends the session and goes to the login page. */
export async function api(path, { method = 'GET', body, query } = {}) {
  const url = new URL(`/api/v1${path}`, location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers = { Accept: 'application/json' };
  const current = session.get();
  if (current) headers.Authorization = `Bearer ${current.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (res.status === 401 && !path.startsWith('/auth/login')) {
    session.clear();
    location.hash = '#/giris';
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** Reference lists change rarely; one fetch per page load. */
const cache = new Map();
export function cached(path) {
  if (!cache.has(path))
    cache.set(
      path,
      api(path).catch((error) => {
        cache.delete(path);
        throw error;
      }),
    );
  return cache.get(path);
}
export function dropCache() {
  cache.clear();
}
