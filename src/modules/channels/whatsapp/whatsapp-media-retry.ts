import { MediaRejectedException } from '../../media';
import { GraphApiError } from './cloud-api-graph.client';

/**
 * The wait before each attempt of the fetch job: the first counts from the webhook's failed
 * try. Meta keeps a received file for weeks, so the last attempt may come hours later.
 */
export const MEDIA_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];

/** After this many failed attempts of the job the file is given up. */
export const MEDIA_FETCH_ATTEMPTS = MEDIA_RETRY_DELAYS_MS.length;

// A worker that dies during the last attempt leaves it to be tried once more after this.
const LAST_ATTEMPT_LEASE_MS = 10 * 60_000;

/** When the attempt after `attemptsMade` attempts is due (also the lease of the one starting now). */
export function nextAttemptAt(now: Date, attemptsMade: number): Date {
  return new Date(now.getTime() + (MEDIA_RETRY_DELAYS_MS[attemptsMade] ?? LAST_ATTEMPT_LEASE_MS));
}

export interface FetchFailure {
  /** The Graph API will never give this file: no retry. */
  permanent: boolean;
  reason: string;
}

// A 4xx says the file itself is refused (gone, unknown, unsupported), except these: the token
// or its permission (an admin fixes them), a timeout, a rate limit.
const TEMPORARY_4XX = new Set([401, 403, 408, 429]);

/** Why a file could not be fetched, and whether trying again may help. */
export function fetchFailure(error: unknown): FetchFailure {
  if (error instanceof MediaRejectedException) return { permanent: true, reason: error.message };
  if (error instanceof GraphApiError) {
    return { permanent: error.status >= 400 && error.status < 500 && !TEMPORARY_4XX.has(error.status), reason: error.message };
  }
  if (error instanceof Error && error.name === 'TimeoutError') return { permanent: false, reason: 'Graph API zaman aşımına uğradı' };
  return { permanent: false, reason: `Graph API'ye ulaşılamadı: ${error instanceof Error ? error.message : String(error)}` };
}
