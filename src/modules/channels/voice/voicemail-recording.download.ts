import { AppConfig } from '@app/config';

const TWILIO_API = 'https://api.twilio.com';

/** Waits before each attempt; Twilio keeps a recording until it is deleted, so the last may come hours later. */
export const RECORDING_RETRY_DELAYS_MS = [30_000, 5 * 60_000, 30 * 60_000, 3 * 3_600_000, 12 * 3_600_000];
export const RECORDING_FETCH_ATTEMPTS = RECORDING_RETRY_DELAYS_MS.length;

export const recordingNextAttemptAt = (now: Date, attemptsMade: number): Date =>
  new Date(now.getTime() + (RECORDING_RETRY_DELAYS_MS[attemptsMade] ?? 10 * 60_000));

export class RecordingDownloadError extends Error {
  constructor(
    message: string,
    /** Trying again will not help (the recording is gone, the address is not Twilio's). */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Twilio is connected: its account can read the recordings. */
export const recordingsReachable = (config: AppConfig) => !!config.TWILIO_ACCOUNT_SID && !!config.TWILIO_AUTH_TOKEN;

/**
 * The recording's bytes (WAV), read with the account's credentials from Twilio's API — only from
 * there (TWILIO_API_URL when set, a stand-in in tests): a recording URL naming another host is refused.
 */
export async function downloadRecording(config: AppConfig, recordingUrl: string): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(recordingUrl);
  } catch {
    throw new RecordingDownloadError('kayıt adresi okunamadı', true);
  }
  if (url.origin !== TWILIO_API || !/^\/2010-04-01\/Accounts\/[^/]+\/Recordings\/[^/]+$/.test(url.pathname)) {
    throw new RecordingDownloadError('kayıt adresi Twilio’nun değil', true);
  }
  const auth = Buffer.from(`${config.TWILIO_ACCOUNT_SID}:${config.TWILIO_AUTH_TOKEN}`).toString('base64');
  let res: Response;
  try {
    res = await fetch(`${config.TWILIO_API_URL}${url.pathname}`, { headers: { Authorization: `Basic ${auth}` }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new RecordingDownloadError(error instanceof Error && error.name === 'TimeoutError' ? 'Twilio zaman aşımı' : 'Twilio’ya ulaşılamadı', false);
  }
  if (!res.ok) throw new RecordingDownloadError(`Twilio HTTP ${res.status}`, res.status === 404 || res.status === 410);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > config.MEDIA_MAX_BYTES) throw new RecordingDownloadError('kayıt dosya sınırını aşıyor', true);
  return Buffer.from(await res.arrayBuffer());
}
