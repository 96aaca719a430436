import { Twilio } from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import { AppConfig } from '@app/config';

const TWILIO_API = 'https://api.twilio.com';

/** Sends the library's requests to TWILIO_API_URL instead (a stand-in on loopback, an egress proxy). */
class RebasedRequestClient extends RequestClient {
  constructor(private readonly base: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_API, this.base) });
  }
}

/** The REST client of the configured account, or null when Twilio is not connected. */
export function twilioClient(config: AppConfig): Twilio | null {
  if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN) return null;
  const httpClient = config.TWILIO_API_URL === TWILIO_API ? undefined : new RebasedRequestClient(config.TWILIO_API_URL);
  return new Twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { httpClient });
}
