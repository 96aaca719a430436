import { Caller, World } from './world';

/** Which department's resources a request names: the caller's own, or another's. */
export type Scope = 'own' | 'other';

/** One request as the matrix and the fuzzer send it. */
export interface Req {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** `application/x-www-form-urlencoded` (providers' webhooks) instead of JSON. */
  form?: boolean;
  /** `multipart/form-data` with these files (an upload). */
  files?: Record<string, { data: Buffer; filename: string }>;
  headers?: Record<string, string>;
}

type StaffRole = Exclude<Caller, 'anonymous'>;

/**
 * Who may call an operation and what a caller gets. `allow`: the roles that succeed (admin
 * always may); 'staff' = anyone logged in; 'public' = everyone alike, token or
 * not; 'webhook' = a provider's endpoint, which refuses every unsigned request alike (`ok`).
 */
export interface Operation {
  allow: readonly StaffRole[] | 'staff' | 'public' | 'webhook';
  /** What a department role gets for another department's resource; absent = not department-scoped. */
  foreign?: number;
  /** Resources of one user (notifications, exports): another user's is `foreign` for every role but `owner`-exempt ones. */
  owned?: { foreign: number; exempt?: readonly StaffRole[] };
  /** The statuses a permitted call may get (default: any 2xx). */
  ok?: readonly number[];
  /** Server-sent events: the status line is checked, then the stream closed. */
  stream?: true;
  /** With `allow: 'staff'`: open to the narrow roles too (`@AnyRole()`: one's own profile and notifications). */
  narrow?: true;
  /** Gives clear personal data by design, to those it allows (logged). */
  reveals?: true;
  request: (w: World, caller: Caller, scope: Scope) => Promise<Req> | Req;
}
