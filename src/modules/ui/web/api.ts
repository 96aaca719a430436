import { session } from './session';

/** One invalid field of a 400 answer, e.g. `{field: 'citizen.phone', message: 'Telefon geçersiz'}`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An API failure with the server's Turkish message; `fields` maps each invalid field to its message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly details: FieldProblem[];
  readonly fields: Record<string, string>;

  constructor(status: number, body: unknown) {
    const b = (body ?? {}) as { message?: unknown; code?: string; details?: FieldProblem[] };
    const message = Array.isArray(b.message) ? b.message.join(', ') : typeof b.message === 'string' ? b.message : undefined;
    super(message ?? fallbackMessage(status));
    this.status = status;
    this.code = b.code;
    this.details = Array.isArray(b.details) ? b.details : [];
    this.fields = Object.fromEntries(this.details.map((d) => [d.field, d.message]));
  }

  /** The message for one field, e.g. `citizen.phone`. */
  field(name: string): string | undefined {
    return this.fields[name];
  }
}

function fallbackMessage(status: number): string {
  if (status === 0) return 'Sunucuya ulaşılamadı; bağlantınızı kontrol edin';
  if (status === 401) return 'Oturumunuz sona erdi; yeniden giriş yapın';
  if (status === 403) return 'Bu işlem için yetkiniz yok';
  if (status === 404) return 'Kayıt bulunamadı';
  if (status === 409) return 'Kayıt bu arada değişti; yeniden yükleyin';
  if (status === 429) return 'Çok fazla istek; biraz sonra yeniden deneyin';
  return `İstek başarısız (${status})`;
}

export type Query = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Empty, null and undefined values are left out; arrays are joined with commas. */
  query?: Query;
  signal?: AbortSignal;
}

function url(path: string, query?: Query): URL {
  const u = new URL(`/api/v1${path}`, location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    u.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return u;
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = { ...extra };
  const current = session.get();
  if (current) h.Authorization = `Bearer ${current.token}`;
  return h;
}

/** A 401 ends the session and goes to the login page (except for the login call itself). */
function expired(status: number, path: string): void {
  if (status === 401 && !path.startsWith('/auth/login')) {
    session.clear();
    location.hash = '#/giris';
  }
}

/** Calls /api/v1 with the session's token and returns the JSON answer; throws ApiError. A FormData body goes as multipart (an upload). */
export async function api<T = unknown>(path: string, { method = 'GET', body, query, signal }: ApiOptions = {}): Promise<T> {
  let res: Response;
  const form = body instanceof FormData;
  try {
    res = await fetch(url(path, query), {
      method,
      signal,
      headers: headers({ Accept: 'application/json', ...(body === undefined || form ? {} : { 'Content-Type': 'application/json' }) }),
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, null);
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  expired(res.status, path);
  if (!res.ok) throw new ApiError(res.status, data);
  return data as T;
}

/** A file from the API (e.g. `/media/:id`) as a Blob, fetched with the bearer header. */
export async function apiBlob(path: string, { query, signal }: Pick<ApiOptions, 'query' | 'signal'> = {}): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url(path, query), { signal, headers: headers() });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, null);
  }
  expired(res.status, path);
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  return res.blob();
}

/** `apiBlob` as a `blob:` URL for <img>/<audio>/<video>; call URL.revokeObjectURL when done. */
export async function apiObjectUrl(path: string, options?: Pick<ApiOptions, 'query' | 'signal'>): Promise<string> {
  return URL.createObjectURL(await apiBlob(path, options));
}

/** Reference lists (departments, categories…) change rarely: one fetch per page load. */
const cache = new Map<string, Promise<unknown>>();
export function cached<T = unknown>(path: string): Promise<T> {
  if (!cache.has(path))
    cache.set(
      path,
      api<T>(path).catch((error: unknown) => {
        cache.delete(path);
        throw error;
      }),
    );
  return cache.get(path) as Promise<T>;
}

export function dropCache(): void {
  cache.clear();
}

/** The API's list answer. */
export interface Page<T> {
  items: T[];
  total: number;
  /** The ticket list stops counting at a bound: true when there are more than `total`. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}
