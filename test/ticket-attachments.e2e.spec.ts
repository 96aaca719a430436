import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { getExpectedTwilioSignature } from 'twilio';
import { categoryId, createStaff, createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const SID = `AC${'a1'.repeat(16)}`;
const TOKEN = 'attachments-twilio-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const BASE = `${PUBLIC_URL}/api/v1/channels/twilio/voice`;
const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(28, 1), Buffer.from('sesli-mesaj-baytlari')]);
const PNG = Buffer.concat([
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  Buffer.from('ek-foto-baytlari'),
]);

/** Photos, documents and voicemails on the ticket page, each fetched through the ticket's access rules. */
describe('attachments on the ticket', () => {
  let t: TestApp;
  let recordings: Server;
  const served: string[] = [];
  let agent: Staff;
  let fen: Staff;
  let park: Staff;

  beforeAll(async () => {
    // Twilio's recordings, as the API serves them to the account (basic auth).
    recordings = createServer((req, res) => {
      served.push(req.url ?? '');
      const auth = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
      if (req.headers.authorization !== auth) return void res.writeHead(401).end();
      if (!req.url?.startsWith(`/2010-04-01/Accounts/${SID}/Recordings/RE`)) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'audio/x-wav', 'Content-Length': WAV.length }).end(WAV);
    });
    await new Promise<void>((resolve) => recordings.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({
      env: {
        TWILIO_ACCOUNT_SID: SID,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_API_URL: `http://127.0.0.1:${(recordings.address() as AddressInfo).port}`,
        PUBLIC_URL,
        SWEEP_INTERVAL_MS: '200',
        SWEEP_GRACE_MS: '0',
        TRUST_PROXY: 'loopback',
      },
    });
    const admin = await loginAs(t, 'admin');
    [agent, fen] = await Promise.all([loginAs(t, 'agent'), loginAs(t, 'department-staff')]);
    park = await createStaff(t, admin, 'department_staff', await idByCode(t.dataSource, 'departments', 'PARK'));
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => recordings.close(resolve));
  });

  const get = (staff: Staff, path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`);
  const hook = (path: string, params: Record<string, string>) =>
    t
      .http()
      .post(`/api/v1/channels/twilio/voice/${path}`)
      .type('form')
      .set('X-Twilio-Signature', getExpectedTwilioSignature(TOKEN, `${BASE}/${path}`, params))
      .send(params);
  const voicemail = async (n: number, recordingUrl: string) => {
    const call = { CallSid: `CA${String(n).padStart(32, '0')}`, From: `+90532555000${n}`, To: '+904440444', CallStatus: 'ringing', Direction: 'inbound' };
    await hook('incoming', call).expect(200);
    await hook('voicemail', { CallSid: call.CallSid, From: call.From, RecordingUrl: recordingUrl, RecordingSid: `RE${String(n).padStart(32, '0')}` }).expect(
      200,
    );
    const ticketId = await waitFor('the voicemail ticket', async () => {
      const [row] = await t.dataSource.query(`SELECT ticket_id FROM inbound_events WHERE provider_id = $1 AND state = 'processed'`, [
        `${call.CallSid}-voicemail`,
      ]);
      return (row?.ticket_id as string) ?? null;
    });
    // The copy is due from the filing on; the test's clock stands still unless moved.
    t.clock.advance(1000);
    return ticketId;
  };

  it('puts a voicemail’s recording on its ticket, to play through the ticket’s access, and never for another department', async () => {
    const ticketId = await voicemail(1, `https://api.twilio.com/2010-04-01/Accounts/${SID}/Recordings/RE${'1'.padStart(32, '0')}`);
    const attachments = await waitFor('the recording attached', async () => {
      const body = (await get(agent, `/tickets/${ticketId}`).expect(200)).body;
      return body.attachments.length ? body.attachments : null;
    });
    expect(attachments).toEqual([
      {
        id: expect.any(String),
        kind: 'audio',
        contentType: 'audio/wav',
        filename: `sesli-mesaj-CA${'1'.padStart(32, '0')}.wav`,
        size: WAV.length,
        createdAt: expect.any(String),
        source: 'phone',
        url: `/api/v1/media/${attachments[0].id}`,
      },
    ]);
    const file = await get(agent, `/media/${attachments[0].id}`).buffer(true).expect(200);
    expect(Buffer.compare(file.body as Buffer, WAV)).toBe(0);
    // A voicemail waits in the call centre's triage: no department reads it or its recording.
    await get(fen, `/media/${attachments[0].id}`).expect(404);
    await get(fen, `/tickets/${ticketId}`).expect(404);
    const [entry] = await t.dataSource.query(`SELECT body FROM ticket_events WHERE ticket_id = $1 AND type = 'attachment'`, [ticketId]);
    expect(entry.body).toBe('Sesli mesajın kaydı eklendi.');
  });

  it('never fetches a recording from anywhere but Twilio’s API, and says so on the ticket', async () => {
    const before = served.length;
    const ticketId = await voicemail(2, 'http://169.254.169.254/latest/meta-data');
    const entry = await waitFor('the recording given up', async () => {
      const [row] = await t.dataSource.query(`SELECT body FROM ticket_events WHERE ticket_id = $1 AND type = 'attachment'`, [ticketId]);
      return row ?? null;
    });
    expect(entry.body).toMatch(/^Sesli mesajın kaydı alınamadı/);
    expect((await get(agent, `/tickets/${ticketId}`).expect(200)).body.attachments).toEqual([]);
    expect(served.length).toBe(before);
  });

  it("lists a web form's photo as an image of its department's ticket; another department reads neither", async () => {
    const sent = await t
      .http()
      .post('/api/v1/public/applications')
      .set('X-Forwarded-For', '198.51.100.77')
      .field('kind', 'sikayet')
      .field('categoryId', await categoryId(t.dataSource, 'FEN-001'))
      .field('description', 'Yolda çukur var, fotoğrafını ekledim.')
      .field('fullName', 'Fotoğraf Gönderen')
      .field('phone', '05325550099')
      .field('kvkkConsent', 'on')
      .field('website', '')
      .attach('photos', PNG, { filename: 'cukur.png', contentType: 'image/png' })
      .expect(202);
    const trackingNo = await waitFor('filed', async () => (await t.http().get(`/api/v1/public/applications/${sent.body.receiptId}`)).body.trackingNo ?? null);
    const [{ id }] = await t.dataSource.query('SELECT id FROM tickets WHERE tracking_no = $1', [trackingNo]);
    const { attachments } = (await get(fen, `/tickets/${id}`).expect(200)).body;
    expect(attachments).toEqual([expect.objectContaining({ kind: 'image', contentType: 'image/png', filename: 'cukur.png', size: PNG.length, source: 'web' })]);
    expect(Buffer.compare((await get(fen, `/media/${attachments[0].id}`).buffer(true).expect(200)).body as Buffer, PNG)).toBe(0);
    await get(park, `/tickets/${id}`).expect(404);
    await get(park, `/media/${attachments[0].id}`).expect(404);
  });
});
