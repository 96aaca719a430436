import { mkdir } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { getExpectedTwilioSignature } from 'twilio';
import {
  categoryId,
  createStaff,
  createTestApp,
  idByCode,
  loginAs,
  Staff,
  TestApp,
  ticketInput,
  waitFor,
  describeInBrowser,
  openBrowser,
  TestBrowser,
  screenshot,
  a11yLog,
  signIn,
} from '@app/testing';

const TWILIO_TOKEN = 'test-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const VOICE = `${PUBLIC_URL}/api/v1/channels/twilio/voice`;
const SHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
const ACCOUNT_SID = `AC${'0'.repeat(32)}`;

const describeUi = describeInBrowser('ui-desk.e2e');

/** A PNG of `width`×`height` whose pixel colours `pixel(x, y)` gives. */
function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) raw.set(pixel(x, y), y * (1 + width * 3) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 256×256 map tile: pale, with a grid, so screenshots show where the tiles are. */
const tilePng = () => png(256, 256, (x, y) => (x % 32 === 0 || y % 32 === 0 ? [200, 205, 210] : [233, 236, 228]));

/** The citizen's "photo": a cracked pavement, as far as a few lines of code can draw one. */
const pavementPhoto = () =>
  png(320, 240, (x, y) => {
    const crack = Math.abs(y - (120 + 40 * Math.sin(x / 25))) < 3;
    const joint = x % 64 < 2 || y % 48 < 2;
    return crack ? [40, 36, 32] : joint ? [120, 116, 110] : [170 + ((x * 7 + y * 3) % 23), 165 + ((x * 5) % 19), 155 + ((y * 11) % 17)];
  });

/** A second of silence as 8 kHz mono 16-bit WAV: the voicemail's recording. */
function silenceWav(): Buffer {
  const samples = 8000;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(16000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  return wav;
}

/**
 * The browser test's stand-in for the Twilio Device: the app's `Phone` interface, driven from the
 * test through `window.__standIn` (ring, and a log of what the agent did to the call).
 */
const STAND_IN_DEVICE = `
window.__standInDevice = (token) => {
  const on = { incoming: [], tokenWillExpire: [], error: [] };
  const log = [];
  const makeCall = (direction, from, callSid) => {
    const ends = [], accepts = [];
    const call = {
      direction, from, callSid,
      accept() { log.push('accept'); accepts.forEach((l) => l()); },
      reject() { log.push('reject'); ends.forEach((l) => l()); },
      hangUp() { log.push('hangup'); ends.forEach((l) => l()); },
      mute(v) { log.push(v ? 'mute' : 'unmute'); },
      hold(v) { log.push(v ? 'hold' : 'unhold'); },
      onEnd(l) { ends.push(l); },
      onAccept(l) { accepts.push(l); },
      end() { ends.forEach((l) => l()); },
    };
    return call;
  };
  const device = {
    registered: false,
    async register() { device.registered = true; log.push('register'); },
    async unregister() { device.registered = false; log.push('unregister'); },
    onIncoming(l) { on.incoming.push(l); },
    onTokenWillExpire(l) { on.tokenWillExpire.push(l); },
    onError(l) { on.error.push(l); },
    updateToken(t) { window.__standIn.token = t; },
    async connect(params) { log.push('connect ' + JSON.stringify(params)); return makeCall('outgoing', '', null); },
    destroy() {},
  };
  window.__standIn = {
    token, device, log,
    ring(from, callSid) { const c = makeCall('incoming', from, callSid); window.__standIn.call = c; on.incoming.forEach((l) => l(c)); },
  };
  return device;
};`;

describeUi('the agent’s desk in headless Chromium', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let browser: TestBrowser;
  let tiles: Server;
  let tileHits = 0;
  let admin: Staff;
  let agent: Staff;
  const a11y = a11yLog('ui-desk');

  beforeAll(async () => {
    const tile = tilePng();
    const wav = silenceWav();
    // One loopback server for what the page and the service fetch from outside: map tiles, and
    // Twilio's API serving the voicemail's recording to the account (basic auth).
    tiles = createServer((req, res) => {
      if (req.url?.startsWith(`/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/RE`)) {
        const auth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
        if (req.headers.authorization !== auth) return void res.writeHead(401).end();
        return void res.writeHead(200, { 'Content-Type': 'audio/x-wav', 'Content-Length': wav.length }).end(wav);
      }
      tileHits += 1;
      res.writeHead(/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '') ? 200 : 404, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' });
      res.end(tile);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const outside = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
    const tileUrl = `${outside}/{z}/{x}/{y}.png`;
    // A weekday morning in Istanbul, inside the 444 line's opening hours.
    t = await createTestApp({
      env: {
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_API_URL: outside,
        SWEEP_INTERVAL_MS: '200',
        SWEEP_GRACE_MS: '0',
        TWILIO_API_KEY: `SK${'1'.repeat(32)}`,
        TWILIO_API_SECRET: 'test-twilio-api-secret-0123456789',
        TWILIO_TWIML_APP_SID: `AP${'2'.repeat(32)}`,
        PUBLIC_URL,
        UI_TILE_URL: tileUrl,
        UI_TILE_ATTRIBUTION: 'Test döşemeleri',
      },
      now: new Date('2026-11-25T07:00:00Z'),
    });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await loginAs(t, 'admin');
    agent = await loginAs(t, 'agent');
    await mkdir(SHOTS, { recursive: true });
    browser = await openBrowser();
    context = browser.context;
    await context.addInitScript(STAND_IN_DEVICE);
  }, 120_000);
  afterAll(async () => {
    a11y.print();
    await browser?.close();
    await t?.close();
    tiles?.closeAllConnections();
    await new Promise((resolve) => tiles?.close(resolve));
  });

  // Chromium opens at most 6 connections per host and each staff tab holds its event streams:
  // whatever a test left open (a failure included) is closed before the next.
  afterEach(async () => {
    for (const page of context.pages()) await page.close();
  });

  /** The README's pictures are refreshed on request only (UPDATE_DOCS_SCREENSHOTS=1), so a run leaves the tree clean. */
  const shot = (page: Page, name: string, docs = false, fullPage = false) => screenshot(page, name, { docs, fullPage });

  /** A new tab has its own sessionStorage, so each tab is its own staff member. */
  const login = (username: string, password?: string) => signIn(context, base, username, password);

  /** axe-core run in the page (evaluated through the DevTools protocol, so the CSP stays as it is). */
  const axe = (page: Page, screen: string) => a11y.check(page, screen);

  async function answeredTicket(phone: string, subject: string, answer: string): Promise<{ id: string; trackingNo: string }> {
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${agent.token}`)
      .send(ticketInput({ categoryId: await categoryId(t.dataSource, 'FEN-001'), subject, citizen: { fullName: 'Hatice Korkmaz', phone } }))
      .expect(201);
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    await waitFor(
      'routed to FEN',
      async () => (await t.dataSource.query('SELECT department_id FROM tickets WHERE id = $1', [created.body.id]))[0].department_id === fen,
    );
    const staff = await loginAs(t, 'department-staff');
    const version = async () => (await t.dataSource.query('SELECT version FROM tickets WHERE id = $1', [created.body.id]))[0].version;
    await t
      .http()
      .post(`/api/v1/tickets/${created.body.id}/claim`)
      .set('Authorization', `Bearer ${staff.token}`)
      .send({ version: await version() })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/tickets/${created.body.id}/status`)
      .set('Authorization', `Bearer ${staff.token}`)
      .send({ version: await version(), status: 'answered', note: answer })
      .expect(200);
    return { id: created.body.id, trackingNo: created.body.trackingNo };
  }

  /** `/` focuses the search box from anywhere; the first result opens with Enter. */
  async function search(page: Page, text: string, trackingNo: string): Promise<void> {
    await page.goto(`${base}/app#/kuyruk`);
    await page.getByRole('heading', { name: 'Başvuru kuyruğu' }).waitFor();
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.press('/');
    await waitFor('the search box focused by /', async () => page.evaluate(`document.activeElement?.id === 'global-search'`));
    await page.keyboard.type(text, { delay: 20 });
    await page.getByRole('option', { name: new RegExp(trackingNo) }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(trackingNo) }).waitFor();
  }

  it('an agent finds an answered ticket by its tracking number and by the phone typed without the country code, and reads its timeline', async () => {
    const answer = 'Yol çukuru ekiplerimizce bugün asfaltlandı, bilginize.';
    const ticket = await answeredTicket('+905321234567', 'Sokakta derin çukur var', answer);
    const page = await login('agent');
    await page.getByRole('heading', { name: 'Başvuru kuyruğu' }).waitFor();
    // The queue shows open work only: the answered ticket is not there to click.
    expect(await page.locator(`tr[data-id="${ticket.id}"]`).count()).toBe(0);

    await search(page, ticket.trackingNo, ticket.trackingNo);
    await page.locator('.timeline li.ev-reply_out', { hasText: answer }).waitFor();
    expect(await page.locator('#ticket-status').textContent()).toMatch(/Yanıtlandı/);

    await search(page, '532 123 45 67', ticket.trackingNo);
    await page.locator('.timeline li.ev-reply_out', { hasText: answer }).waitFor();
    await search(page, '05321234567', ticket.trackingNo);
    await shot(page, 'desk-search');
    await page.close();
  }, 120_000);

  let photoTicket: { id: string; trackingNo: string; mediaId: string };
  let voicemail: { ticketId: string; mediaId: string };

  it('a photo sent on the web form and a voicemail appear on the ticket page; another department’s user cannot fetch either', async () => {
    const form = await t
      .http()
      .post('/api/v1/public/applications')
      .set('X-Forwarded-For', '203.0.113.77')
      .field('kind', 'sikayet')
      .field('categoryId', await categoryId(t.dataSource, 'FEN-001'))
      .field('description', 'Kaldırım taşları kırılmış, yaşlılar düşüyor. Fotoğrafı ekledim.')
      .field('fullName', 'Mehmet Aydın')
      .field('phone', '0533 765 43 21')
      .field('address', 'Atatürk Cad. No: 12, Çankaya')
      .field('latitude', '39.9208')
      .field('longitude', '32.8541')
      .field('kvkkConsent', 'on')
      .field('website', '')
      .attach('photos', pavementPhoto(), { filename: 'kaldirim.png', contentType: 'image/png' });
    expect(form.status).toBeLessThan(300);
    const photo = await waitFor('the web-form ticket with its photo', async () => {
      const [row] = await t.dataSource.query(
        `SELECT m.id AS "mediaId", t.id, t.tracking_no AS "trackingNo" FROM media_files m JOIN tickets t ON t.id = m.ticket_id
          WHERE m.filename = 'kaldirim.png' AND t.department_id IS NOT NULL`,
      );
      return row;
    });
    photoTicket = photo;

    const hook = (path: string, params: Record<string, string>) =>
      t
        .http()
        .post(`/api/v1/channels/twilio/voice/${path}`)
        .type('form')
        .set('X-Twilio-Signature', getExpectedTwilioSignature(TWILIO_TOKEN, `${VOICE}/${path}`, params))
        .send(params);
    const CallSid = `CA${'5'.repeat(32)}`;
    const From = '+905337654321';
    await hook('incoming', { CallSid, From, To: '+904440444', CallStatus: 'ringing' });
    await hook('voicemail', {
      CallSid,
      From,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/RE${'7'.repeat(32)}`,
      RecordingSid: `RE${'7'.repeat(32)}`,
      RecordingDuration: '12',
    }).expect(200);

    const staff = await login('department-staff');
    await staff.goto(`${base}/app#/basvuru/${photoTicket.id}`);
    await staff.getByRole('heading', { name: new RegExp(photoTicket.trackingNo) }).waitFor();
    const thumb = staff.getByRole('button', { name: /Fotoğrafı büyüt/ });
    await thumb.waitFor();
    await waitFor('the thumbnail drawn from a blob', async () =>
      staff.evaluate(`[...document.querySelectorAll('.thumb img')].some((i) => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0)`),
    );
    await waitFor('map tiles from the local tile server', async () => (await staff.locator('#ticket-map img.leaflet-tile-loaded').count()) > 0);
    expect(tileHits).toBeGreaterThan(0);
    expect(await staff.locator('.place .place-address').textContent()).toContain('Atatürk Cad. No: 12');
    await shot(staff, 'ticket-photo-map', true, true);
    await thumb.click();
    const viewer = staff.getByRole('dialog', { name: /Fotoğraf 1 \/ 1/ });
    await viewer.waitFor();
    await axe(staff, 'photo viewer');
    await staff.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    expect(await staff.evaluate('document.activeElement?.classList.contains("thumb")')).toBe(true);

    // Another department (Park Bahçeler) cannot read the FEN ticket's photo; those who may read the ticket may.
    const park = await createStaff(t, admin, 'department_staff', await idByCode(t.dataSource, 'departments', 'PARK'));
    const parkGets = async (id: string) => (await t.http().get(`/api/v1/media/${id}`).set('Authorization', `Bearer ${park.token}`)).status;
    expect([403, 404]).toContain(await parkGets(photoTicket.mediaId));
    await t.http().get(`/api/v1/media/${photoTicket.mediaId}`).set('Authorization', `Bearer ${agent.token}`).expect(200);

    // The voicemail left on the 444 line: its recording copied from Twilio to its ticket (due from
    // the filing on; the test's clock stands still unless moved), played from a blob.
    await waitFor(
      'the voicemail filed',
      async () =>
        (await t.dataSource.query(`SELECT ticket_id FROM inbound_events WHERE provider_id = $1 AND state = 'processed'`, [`${CallSid}-voicemail`]))[0]
          ?.ticket_id,
    );
    t.clock.advance(1000);
    voicemail = await waitFor(
      'the voicemail on a ticket',
      async () =>
        (
          await t.dataSource.query(
            `SELECT m.id AS "mediaId", m.ticket_id AS "ticketId" FROM media_files m WHERE m.ticket_id IS NOT NULL AND m.content_type LIKE 'audio/%' ORDER BY m.created_at DESC LIMIT 1`,
          )
        )[0],
      20_000,
    );
    const agentPage = await login('agent');
    await agentPage.goto(`${base}/app#/basvuru/${voicemail.ticketId}`);
    await agentPage.locator('.att-audio audio').waitFor();
    await waitFor('the voicemail player loaded from a blob', async () =>
      agentPage.evaluate(`document.querySelector('.att-audio audio')?.src.startsWith('blob:')`),
    );
    expect(await agentPage.locator('.att-audio').textContent()).toMatch(/Sesli mesaj|Ses kaydı/);
    expect([403, 404]).toContain(await parkGets(voicemail.mediaId));

    await Promise.all([staff.close(), agentPage.close()]);
  }, 120_000);

  it('"Kişiyi göster" writes one access-log row with the purpose; the number is not in the page before', async () => {
    const page = await login('agent');
    await page.goto(`${base}/app#/basvuru/${photoTicket.id}`);
    await page.getByRole('heading', { name: new RegExp(photoTicket.trackingNo) }).waitFor();
    await page.getByRole('button', { name: 'Kişiyi göster' }).waitFor();
    const digits = (html: string) => html.replace(/\D/g, '');
    const before = await page.content();
    for (const spelling of ['5337654321', '533 765 43 21', '0533 765', '765 43 21', '7654321']) expect(before).not.toContain(spelling);
    expect(digits(await page.locator('body').innerText())).not.toContain('5337654321');
    const logged = async () =>
      (await t.dataSource.query(`SELECT purpose FROM pii_access_log WHERE purpose LIKE $1`, [`%Başvuru hakkında geri arama%`])) as { purpose: string }[];
    expect(await logged()).toHaveLength(0);

    await page.getByRole('button', { name: 'Kişiyi göster' }).click();
    const purpose = page.getByLabel('Görüntüleme amacı');
    await purpose.fill('Başvuru hakkında geri arama');
    await page.getByRole('button', { name: 'Göster', exact: true }).click();
    await page.locator('#contact-phone').waitFor();
    expect(digits((await page.locator('#contact-phone').textContent()) ?? '')).toContain('5337654321');
    expect(await page.locator('.contact').textContent()).toMatch(/saniye sonra gizlenecek/);
    const rows = await logged();
    expect(rows).toHaveLength(1);
    expect(rows[0].purpose).toContain('Başvuru hakkında geri arama');
    await page.getByRole('button', { name: 'Şimdi gizle' }).click();
    await page.locator('#contact-phone').waitFor({ state: 'detached' });
    expect(await logged()).toHaveLength(1);
    await page.close();
  }, 120_000);

  it('the softphone accepts a stand-in incoming call, the screen-pop shows the caller’s open tickets, and the agent opens a ticket linked to the call', async () => {
    const caller = '+905321239955';
    const open: string[] = [];
    for (const subject of ['Sokak lambası yanmıyor', 'Parktaki bank kırık']) {
      const res = await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${agent.token}`)
        .send(ticketInput({ subject, citizen: { fullName: 'Elif Şahin', phone: caller } }))
        .expect(201);
      open.push(res.body.trackingNo);
    }
    const page = await login('agent');
    await page.locator('body[data-calls=on]').waitFor();
    const phone = page.getByRole('region', { name: 'Telefon' });
    await phone.waitFor();
    const token = await page.evaluate<string>('window.__standIn.token');
    expect(token.split('.')).toHaveLength(3);
    await phone.getByRole('button', { name: 'Çağrı almaya hazırım' }).click();
    await phone.getByText('Çağrı almaya hazır', { exact: true }).waitFor();
    expect(await page.evaluate('window.__standIn.device.registered')).toBe(true);

    const hook = (path: string, params: Record<string, string>) =>
      t
        .http()
        .post(`/api/v1/channels/twilio/voice/${path}`)
        .type('form')
        .set('X-Twilio-Signature', getExpectedTwilioSignature(TWILIO_TOKEN, `${VOICE}/${path}`, params))
        .send(params)
        .expect(200);
    const CallSid = `CA${'9'.repeat(32)}`;
    await hook('incoming', { CallSid, From: caller, To: '+904440444', CallStatus: 'ringing' });
    await hook('menu', { CallSid, From: caller, Digits: '0' });
    await page.evaluate(`window.__standIn.ring(${JSON.stringify(caller)}, ${JSON.stringify(CallSid)})`);
    await phone.getByText(/Gelen çağrı: \+90 5\*\* \*\*\* \*\* 55/).waitFor();
    expect(await phone.textContent()).not.toContain('1239955');
    await shot(page, 'softphone-ringing');
    await phone.getByRole('button', { name: 'Kabul et' }).click();
    await phone.getByText(/Görüşmede/).waitFor();
    expect(await page.evaluate('window.__standIn.log')).toContain('accept');
    // Twilio tells the server the agent's leg is up: the screen-pop follows.
    await hook(`connected?agentId=${agent.id}`, { CallSid, From: caller });

    const panel = page.getByRole('complementary', { name: 'Gelen çağrı' });
    await panel.getByRole('heading', { name: /Gelen çağrı/ }).waitFor({ timeout: 15_000 });
    for (const trackingNo of open) await panel.getByRole('link', { name: trackingNo }).first().waitFor();
    await phone.getByRole('button', { name: 'Sessiz' }).click();
    await phone.getByRole('button', { name: 'Sesi aç' }).waitFor();
    await phone.getByRole('button', { name: 'Beklet' }).click();
    await phone.getByRole('button', { name: 'Beklemeden al' }).click();
    expect(await page.evaluate('window.__standIn.log')).toEqual(expect.arrayContaining(['mute', 'hold', 'unhold']));
    await panel.getByLabel('Başlık').fill('Çöp konteyneri taşıyor');
    await panel.getByLabel('Açıklama').fill('Konteyner iki gündür boşaltılmadı, çevreye taşıyor.');
    await panel.evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'softphone', true);
    await axe(page, 'softphone and screen-pop');
    await panel.getByRole('button', { name: 'Çağrıdan başvuru aç' }).click();
    await panel.getByText(/Açıldı: \d{4}-\d{6}/).waitFor({ timeout: 10_000 });
    const [row] = await t.dataSource.query(`SELECT t.subject, t.channel FROM call_logs c JOIN tickets t ON t.id = c.ticket_id WHERE c.call_sid = $1`, [
      CallSid,
    ]);
    expect(row).toEqual({ subject: 'Çöp konteyneri taşıyor', channel: 'phone' });
    await phone.getByRole('button', { name: 'Görüşmeyi bitir' }).click();
    await phone.getByText('Çağrı almaya hazır', { exact: true }).waitFor();
    await page.close();
  }, 120_000);

  it('every main screen passes axe-core with no serious or critical violation at 1366×768', async () => {
    const loginPage = await context.newPage();
    await loginPage.goto(`${base}/app`);
    await loginPage.getByRole('button', { name: 'Giriş yap' }).waitFor();
    await axe(loginPage, 'login');
    await loginPage.close();

    const page = await login('agent');
    const screens: [string, string, () => Promise<unknown>][] = [
      ['queue', '#/kuyruk', () => page.getByRole('heading', { name: 'Başvuru kuyruğu' }).waitFor()],
      ['all applications', '#/basvurular', () => page.locator('table.all tbody tr').first().waitFor()],
      ['ticket page', `#/basvuru/${photoTicket.id}`, () => page.locator('#ticket-map img.leaflet-tile-loaded').first().waitFor()],
      ['new ticket', '#/yeni', () => page.getByRole('heading', { name: 'Yeni başvuru' }).waitFor()],
    ];
    for (const [name, hash, ready] of screens) {
      await page.goto(`${base}/app${hash}`);
      await ready();
      await axe(page, name);
    }
    // All applications: open ones only, saved as a view; two rows selected and assigned in bulk.
    await page.goto(`${base}/app#/basvurular`);
    await page.getByLabel('Durum', { exact: true }).selectOption('open');
    await page.getByLabel('Bu süzgeçleri kaydet: ad').fill('Açık başvurular');
    await page.getByRole('button', { name: 'Kaydet', exact: true }).click();
    await page.getByLabel('Kayıtlı görünüm').locator('option', { hasText: 'Açık başvurular' }).waitFor({ state: 'attached' });
    expect((await t.dataSource.query(`SELECT name, query FROM saved_views`)).map((v: { name: string }) => v.name)).toContain('Açık başvurular');
    const rows = page.locator('table.all tbody tr[data-id]');
    await rows.nth(1).waitFor();
    const picked = [await rows.nth(0).getAttribute('data-id'), await rows.nth(1).getAttribute('data-id')] as string[];
    for (const i of [0, 1]) await rows.nth(i).getByRole('checkbox').check();
    await page.getByRole('heading', { name: 'Toplu işlem: 2 başvuru seçili' }).waitFor();
    await page.getByLabel('İşlem', { exact: true }).selectOption('assign');
    await axe(page, 'all applications with a selection');
    await page.getByRole('button', { name: 'Seçilenlere uygula' }).click();
    await waitFor(
      'both assigned to the agent',
      async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE id = ANY($1) AND assignee_id = $2`, [picked, agent.id]))[0].n === 2,
    );

    await page.goto(`${base}/app#/kuyruk`);
    await page.getByRole('heading', { name: 'Başvuru kuyruğu' }).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type(photoTicket.trackingNo);
    await page.getByRole('option', { name: new RegExp(photoTicket.trackingNo) }).waitFor();
    await axe(page, 'search results');
    await shot(page, 'agent-desk', true);
    await page.close();

    const dept = await login('department-staff');
    await dept.getByRole('heading', { name: 'Birim gelen kutusu' }).waitFor();
    await axe(dept, 'department inbox');
    await dept.close();
    const manager = await login('department-manager');
    await manager.goto(`${base}/app#/hazir-yanitlar`);
    await manager.getByRole('heading', { name: 'Hazır yanıtlar' }).waitFor();
    await manager.getByLabel('Başlık').fill('Ekip yönlendirildi');
    await manager.getByLabel('Metin').fill('Sayın {adSoyad}, {takipNo} numaralı başvurunuz için ekibimiz {tarih} tarihinde yönlendirilmiştir.');
    await manager.getByRole('button', { name: 'Ekle' }).click();
    await manager.getByRole('cell', { name: 'Ekip yönlendirildi', exact: true }).waitFor();
    await axe(manager, 'canned answers');
    // The department's staff put it into a reply, filled in for the ticket by the server.
    const writer = await login('department-staff');
    await writer.goto(`${base}/app#/basvuru/${photoTicket.id}`);
    await writer.getByRole('heading', { name: new RegExp(photoTicket.trackingNo) }).waitFor();
    const canned = writer.getByLabel('Hazır yanıt', { exact: true });
    // `r` opens the reply form; pressed again if the page was still settling (a live reload).
    await waitFor(
      'the reply form with its canned answers',
      async () => {
        if (await canned.isVisible()) return true;
        await writer.keyboard.press('r');
        return null;
      },
      15_000,
      500,
    );
    // The manager's answer is their department's (not a global one), offered by its title.
    await canned.selectOption({ label: 'Ekip yönlendirildi' });
    await writer.getByRole('button', { name: 'Yanıta ekle' }).click();
    const reply = writer.getByLabel('Yanıt metni (vatandaşın kanalından gider)');
    await waitFor('the canned answer in the reply box', async () => (await reply.inputValue()).includes(photoTicket.trackingNo));
    expect(await reply.inputValue()).toContain('Sayın Mehmet Aydın');
    await writer.close();
    await manager.goto(`${base}/app#/yonetici`);
    await manager.getByRole('table', { name: 'Birim ve konu bazında başvurular' }).waitFor();
    await axe(manager, 'manager summary');
    await manager.close();
    const adminPage = await login('admin');
    await adminPage.getByRole('heading', { name: 'Birimler' }).waitFor();
    await axe(adminPage, 'admin');
    await adminPage.close();
  }, 120_000);

  it('the queue with 10,000 open tickets renders its first page (time measured and reported)', async () => {
    const [template] = await t.dataSource.query(`SELECT id FROM tickets WHERE status = 'new' AND kind <> 'ihbar' ORDER BY created_at LIMIT 1`);
    const columns: { column_name: string }[] = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'tickets' AND table_schema = current_schema() AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    );
    const copied = columns.map((c) => c.column_name).filter((c) => !['id', 'tracking_no', 'created_at', 'updated_at', 'version'].includes(c));
    const list = copied.map((c) => `"${c}"`).join(', ');
    const started = Date.now();
    await t.dataSource.query(
      `INSERT INTO tickets (id, tracking_no, created_at, updated_at, version, ${list})
       SELECT gen_random_uuid(), '2025-' || lpad(g::text, 6, '0'), now() - g * interval '1 minute', now() - g * interval '1 minute', 1, ${list}
         FROM tickets, generate_series(1, 10000) AS g WHERE tickets.id = $1`,
      [template.id],
    );
    await t.dataSource.query('ANALYZE tickets');
    const insertMs = Date.now() - started;
    const open = (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE status IN ('new','assigned','in_progress','waiting_for_citizen','reopened')`)
    )[0].n;
    expect(open).toBeGreaterThanOrEqual(10_000);

    const page = await login('agent');
    await page.getByRole('heading', { name: 'Başvuru kuyruğu' }).waitFor();
    const measure = async (hash: string, rows: string) => {
      await page.goto(`${base}/app#/yeni`);
      await page.getByRole('heading', { name: 'Yeni başvuru' }).waitFor();
      const t0 = Date.now();
      await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
      await page.locator(rows).first().waitFor({ timeout: 30_000 });
      return Date.now() - t0;
    };
    const queueMs = await measure('#/kuyruk', 'table tbody tr[data-id]');
    const allMs = await measure('#/basvurular', 'table.all tbody tr[data-id]');
    // "Sonraki" reads on by the API's cursor, with the page's number kept; "Önceki" goes back by number.
    const rowIds = () => page.locator('table.all tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    const first = await rowIds();
    expect(first).toHaveLength(25);
    const pager = page.getByRole('navigation', { name: 'Sayfalar' });
    const byCursor = page.waitForRequest((r) => /\/api\/v1\/tickets\?.*after=/.test(r.url()) && /[?&]page=2(&|$)/.test(r.url()));
    await pager.getByRole('button', { name: 'Sonraki' }).click();
    await byCursor;
    await pager.getByText(/^Sayfa 2 \//).waitFor();
    await waitFor('the second page', async () => {
      const ids = await rowIds();
      return ids.length === 25 && ids.every((id) => !first.includes(id)) && ids;
    });
    await pager.getByRole('button', { name: 'Önceki' }).click();
    await pager.getByText(/^Sayfa 1 \//).waitFor();
    await waitFor('the first page again', async () => JSON.stringify(await rowIds()) === JSON.stringify(first));
    process.stdout.write(
      `ui-desk: ${open} open tickets (10,000 inserted set-wise in ${insertMs} ms); first page rendered: queue ${queueMs} ms, all applications ${allMs} ms\n`,
    );
    await page.close();
  }, 120_000);
});
