import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface TwilioMessageRecord {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  dateCreated: Date;
}

/** A live call redirected through the Calls resource (`client.calls(sid).update(...)`). */
export interface TwilioCallUpdate {
  callSid: string;
  twiml: string | null;
  url: string | null;
  status: string | null;
}

/**
 * A stand-in for Twilio's REST API on loopback: the Messages resource (create and list) and a
 * call's update (redirect), with basic auth checked, as the twilio library calls them. A test may
 * queue a refusal for the next create.
 */
export class FakeTwilioApi {
  readonly messages: TwilioMessageRecord[] = [];
  readonly callUpdates: TwilioCallUpdate[] = [];
  private refusals: { status: number; code: number; message: string }[] = [];
  private server?: Server;

  constructor(
    private readonly accountSid: string,
    private readonly authToken: string,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    // The twilio library keeps its connections alive; close them, or the server waits on them.
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next create (or call update) answers with this Twilio error instead. */
  refuseNext(status: number, code: number, message: string): void {
    this.refusals.push({ status, code, message });
  }

  /** As if Twilio had accepted a message earlier (a send whose answer was lost). */
  add(to: string, body: string): TwilioMessageRecord {
    const record = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: null,
      messagingServiceSid: null,
      body,
      statusCallback: null,
      dateCreated: new Date(),
    };
    this.messages.push(record);
    return record;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const expectedAuth = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    const path = `/2010-04-01/Accounts/${this.accountSid}/Messages.json`;
    if (req.headers.authorization !== expectedAuth) return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const call = new RegExp(`^/2010-04-01/Accounts/${this.accountSid}/Calls/(CA[0-9a-zA-Z]+)\\.json$`).exec(url.pathname);
    if (call && req.method === 'POST') return this.updateCall(res, call[1], new URLSearchParams(await readBody(req)));
    if (url.pathname !== path) return json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    if (req.method === 'GET') {
      const to = url.searchParams.get('To');
      const after = url.searchParams.get('DateSent>');
      const found = this.messages.filter((m) => (!to || m.to === to) && (!after || m.dateCreated >= new Date(after)));
      return json(res, 200, { messages: found.map((m) => this.resource(m)), page: 0, page_size: 50, next_page_uri: null, uri: path });
    }
    const form = new URLSearchParams(await readBody(req));
    const refusal = this.refusals.shift();
    if (refusal) return json(res, refusal.status, { ...refusal, more_info: `https://www.twilio.com/docs/errors/${refusal.code}` });
    const record: TwilioMessageRecord = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to: form.get('To') ?? '',
      from: form.get('From'),
      messagingServiceSid: form.get('MessagingServiceSid'),
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback'),
      dateCreated: new Date(),
    };
    this.messages.push(record);
    json(res, 201, this.resource(record));
  }

  private updateCall(res: ServerResponse, callSid: string, form: URLSearchParams): void {
    const refusal = this.refusals.shift();
    if (refusal) return json(res, refusal.status, { ...refusal, more_info: `https://www.twilio.com/docs/errors/${refusal.code}` });
    this.callUpdates.push({ callSid, twiml: form.get('Twiml'), url: form.get('Url'), status: form.get('Status') });
    json(res, 200, {
      sid: callSid,
      account_sid: this.accountSid,
      status: 'in-progress',
      direction: 'inbound',
      uri: `/2010-04-01/Accounts/${this.accountSid}/Calls/${callSid}.json`,
    });
  }

  private resource(m: TwilioMessageRecord) {
    return {
      sid: m.sid,
      account_sid: this.accountSid,
      to: m.to,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      body: m.body,
      status: 'queued',
      direction: 'outbound-api',
      date_created: m.dateCreated.toUTCString(),
      date_sent: m.dateCreated.toUTCString(),
      num_segments: '1',
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${m.sid}.json`,
    };
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
