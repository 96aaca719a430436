import { createTestApp, loginAs, Staff, TestApp, waitFor } from '@app/testing';
import { freePort } from '../libs/testing/src/free-port';
import { firstRequestOf, GeoReportClient } from './open311/georeport-client';
import { jsonDifferences, SPEC_EXAMPLES, xmlShape } from './open311/spec-examples';

const FIELDS = [
  {
    code: 'cukur_boyu',
    label: 'Çukurun büyüklüğü',
    datatype: 'singlevaluelist',
    required: true,
    options: [
      { key: 'kucuk', name: 'Küçük' },
      { key: 'buyuk', name: 'Büyük' },
    ],
  },
  { code: 'derinlik_cm', label: 'Derinlik (cm)', datatype: 'number', description: 'Yaklaşık derinlik' },
];

/** Open311 GeoReport v2 as a city app sees it: the client in ./open311 knows the specification, not the server. */
describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  let base: string;
  let admin: Staff;
  let fenStaff: Staff;
  let apiKey: string;
  let client: GeoReportClient;
  let seq = 0;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_URL: base } });
    await t.app.listen(port, '127.0.0.1');
    admin = await loginAs(t, 'admin');
    fenStaff = await loginAs(t, 'department-staff');
    const [{ id }] = await t.dataSource.query(`SELECT id FROM categories WHERE service_code = 'FEN-001'`);
    await staff(admin).patch(`/categories/${id}`).send({ fields: FIELDS }).expect(200);
    apiKey = (await staff(admin).post('/open311/clients').send({ name: 'Belediye mobil uygulaması' }).expect(201)).body.apiKey;
    client = await GeoReportClient.discover(`${base}/open311/v2/discovery.json`, apiKey);
  });
  afterAll(() => t.close());

  function staff(user: Staff) {
    const auth = (r: ReturnType<ReturnType<TestApp['http']>['get']>) => r.set('Authorization', `Bearer ${user.token}`);
    return {
      get: (path: string) => auth(t.http().get(`/api/v1${path}`)),
      post: (path: string) => auth(t.http().post(`/api/v1${path}`)),
      patch: (path: string) => auth(t.http().patch(`/api/v1${path}`)),
      delete: (path: string) => auth(t.http().delete(`/api/v1${path}`)),
    };
  }
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM inbound_events)::int AS events, (SELECT count(*) FROM tickets)::int AS tickets,
                (SELECT count(*) FROM citizens)::int AS citizens, (SELECT count(*) FROM outbound_messages)::int AS outbox`,
      )
    )[0];
  const form = (extra: Record<string, string> = {}) => ({
    api_key: apiKey,
    service_code: 'FEN-001',
    lat: '36.88541',
    long: '30.70563',
    description: `Okul önündeki çukur büyüdü ${++seq}`,
    email: `vatandas${seq}@example.com`,
    first_name: 'Ayşe',
    last_name: 'Yılmaz',
    'attribute[cukur_boyu]': 'buyuk',
    ...extra,
  });
  const post = (fields: Record<string, string>, format = 'json') =>
    t.http().post(`/open311/v2/requests.${format}`).type('form').send(new URLSearchParams(fields).toString());

  it('is discovered, lists the categories as services and publishes their fields as attributes', async () => {
    expect(client.endpoint).toBe(`${base}/open311/v2`);
    const services = await client.services();
    const pothole = services.find((s) => s.service_code === 'FEN-001')!;
    expect(pothole).toMatchObject({ service_name: 'Yolda çukur / bozuk asfalt', metadata: true, type: 'batch', group: 'Fen İşleri Müdürlüğü' });
    expect(services.find((s) => s.service_code === 'TEM-001')).toMatchObject({ metadata: false });
    const definition = await client.definition('FEN-001');
    expect(definition).toEqual({
      service_code: 'FEN-001',
      attributes: [
        {
          variable: true,
          code: 'cukur_boyu',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: null,
          order: 1,
          description: 'Çukurun büyüklüğü',
          values: [
            { key: 'kucuk', name: 'Küçük' },
            { key: 'buyuk', name: 'Büyük' },
          ],
        },
        {
          variable: true,
          code: 'derinlik_cm',
          datatype: 'number',
          required: false,
          datatype_description: 'Yaklaşık derinlik',
          order: 2,
          description: 'Derinlik (cm)',
        },
      ],
    });
  });

  it('files a request through intake as a ticket on channel open311 and reads it back in JSON and XML, without personal data', async () => {
    const filed = await client.submit({
      service_code: 'FEN-001',
      lat: 36.88541,
      long: 30.70563,
      description: 'Okul önündeki çukur büyüdü, Ayşe Hanım düştü',
      email: 'ayse.yilmaz@example.com',
      phone: '0532 765 43 21',
      first_name: 'Ayşe',
      last_name: 'Yılmaz',
      media_url: 'https://foto.example.org/cukur.jpg',
      attributes: { cukur_boyu: 'buyuk', derinlik_cm: '12,5' },
    });
    const id = filed.service_request_id ?? (await client.requestIdFor(filed.token!));
    expect(id).toMatch(/^\d{4}-\d{6}$/);
    const [ticket] = await t.dataSource.query(
      `SELECT t.id, t.channel, t.attributes, t.contact_email, t.resolution_due_at, d.code AS department
         FROM tickets t JOIN departments d ON d.id = t.department_id WHERE t.tracking_no = $1`,
      [id],
    );
    expect(ticket).toMatchObject({
      channel: 'open311',
      attributes: { cukur_boyu: 'buyuk', derinlik_cm: 12.5 },
      contact_email: 'ayse.yilmaz@example.com',
      department: 'FEN',
    });
    expect(ticket.resolution_due_at).not.toBeNull();
    // The receipt went out as for any application: by SMS first when the app gave a phone.
    const receipt = await waitFor(
      'receipt',
      async () => (await t.dataSource.query(`SELECT channel, recipient FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'received'`, [ticket.id]))[0],
    );
    expect(receipt).toEqual({ channel: 'sms', recipient: '+905327654321' });

    const json = await client.request(id, 'json');
    expect(json).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'FEN-001',
      service_name: 'Yolda çukur / bozuk asfalt',
      description: null,
      agency_responsible: 'Fen İşleri Müdürlüğü',
      // Rounded to three decimals: the street, not the door.
      lat: 36.885,
      long: 30.706,
      media_url: 'https://foto.example.org/cukur.jpg',
    });
    expect(json.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    const xml = await client.request(id, 'xml');
    expect(xml).toMatchObject({ service_request_id: id, status: 'open', service_code: 'FEN-001', lat: '36.885', long: '30.706', description: null });
    const everything = JSON.stringify(json) + JSON.stringify(xml);
    for (const personal of ['Ayşe', 'Yılmaz', 'ayse.yilmaz', '765', 'düştü']) expect(everything).not.toContain(personal);

    // Staff see the fields with their labels and find the ticket by one of them.
    const view = (await staff(fenStaff).get(`/tickets/${ticket.id}`).expect(200)).body;
    expect(view.fields).toEqual([
      { code: 'cukur_boyu', label: 'Çukurun büyüklüğü', datatype: 'singlevaluelist', value: 'buyuk' },
      { code: 'derinlik_cm', label: 'Derinlik (cm)', datatype: 'number', value: 12.5 },
    ]);
    const found = (await staff(fenStaff).get('/tickets?attribute=cukur_boyu%3Dbuyuk&channel=open311').expect(200)).body;
    expect(found.items.map((i: { trackingNo: string }) => i.trackingNo)).toContain(id);
    const none = (await staff(fenStaff).get('/tickets?attribute=cukur_boyu%3Dkucuk&channel=open311').expect(200)).body;
    expect(none.items).toEqual([]);

    // Answered: closed, and status_notes is what the citizen was told.
    await staff(fenStaff).post(`/tickets/${ticket.id}/status`).send({ status: 'answered', note: 'Çukur asfaltlandı.', version: view.version }).expect(200);
    const answered = await client.request(id, 'json');
    expect(answered.status).toBe('closed');
    expect(answered.status_notes).toContain('Çukur asfaltlandı.');
  });

  it('answers each operation with the fields of the specification’s example document, in JSON and XML', async () => {
    // Equivalent data: a service asking one list question, as the example's DMV66 does.
    const [{ id: containers }] = await t.dataSource.query(`SELECT id FROM categories WHERE service_code = 'TEM-003'`);
    const question = {
      code: 'hasar',
      label: 'Hasar türü',
      datatype: 'singlevaluelist',
      required: true,
      options: [
        { key: 'kirik', name: 'Kırık' },
        { key: 'yanik', name: 'Yanık' },
      ],
    };
    await staff(admin)
      .patch(`/categories/${containers}`)
      .send({ fields: [question] })
      .expect(200);
    const [{ id: mahalle }] = await t.dataSource.query(`SELECT id FROM mahalleler WHERE code = 'ATATURK'`);
    const fields = { ...form({ service_code: 'TEM-003', 'attribute[hasar]': 'kirik', media_url: 'https://foto.example.org/k.jpg', address_id: mahalle }) };
    delete (fields as Record<string, string>)['attribute[cukur_boyu]'];
    const filed = (await post(fields).expect(201)).body;
    const id = await client.requestIdFor(filed[0].token);
    const [ticket] = await t.dataSource.query(`SELECT id, version FROM tickets WHERE tracking_no = $1`, [id]);
    const routed = await waitFor(
      'routed',
      async () => (await staff(admin).get(`/tickets/${ticket.id}`)).body.routedAt && (await staff(admin).get(`/tickets/${ticket.id}`)).body,
    );
    await staff(admin).post(`/tickets/${ticket.id}/status`).send({ status: 'answered', note: 'Konteyner değiştirildi.', version: routed.version }).expect(200);
    const retried = (await post(fields).expect(201)).body;
    const documents: [keyof typeof SPEC_EXAMPLES, string, number][] = [
      ['discovery', '/discovery', 200],
      ['services', '/services', 200],
      ['service_definition', '/services/TEM-003', 200],
      ['token', `/tokens/${filed[0].token}`, 200],
      ['request', `/requests/${id}`, 200],
      ['request', `/requests?service_request_id=${id}`, 200],
    ];
    for (const [name, path, status] of documents) {
      const json = (
        await t
          .http()
          .get(`/open311/v2${path.replace(/(\?|$)/, '.json$1')}`)
          .expect(status)
      ).body;
      expect([name, jsonDifferences(SPEC_EXAMPLES[name].json, json)]).toEqual([name, []]);
      const xml = (
        await t
          .http()
          .get(`/open311/v2${path.replace(/(\?|$)/, '.xml$1')}`)
          .expect(status)
      ).text;
      expect([name, xmlShape(xml)]).toEqual([name, xmlShape(SPEC_EXAMPLES[name].xml)]);
    }
    // The client reads the specification's own XML: indented text, a self-closed element.
    expect(firstRequestOf(SPEC_EXAMPLES.post_request_id.xml)).toEqual({
      service_request_id: '293944',
      service_notice: SPEC_EXAMPLES.post_request_id.json[0].service_notice,
      account_id: null,
    });
    // POST: a token at first; the request id once the ticket exists (the retry).
    expect(jsonDifferences(SPEC_EXAMPLES.post_token.json, filed)).toEqual([]);
    expect(jsonDifferences(SPEC_EXAMPLES.post_request_id.json, retried)).toEqual([]);
    expect(retried[0]).toEqual({ service_request_id: id, service_notice: `Başvuru numaranız ${id}`, account_id: null });
    const xmlRetry = (await post(fields, 'xml').expect(201)).text;
    expect(xmlShape(xmlRetry)).toBe(xmlShape(SPEC_EXAMPLES.post_request_id.xml));
    // Errors.
    const refused = await post({ ...fields, api_key: 'o311_yok' }).expect(403);
    expect(jsonDifferences(SPEC_EXAMPLES.errors.json, refused.body)).toEqual([]);
    expect(xmlShape((await post({ ...fields, api_key: 'o311_yok' }, 'xml').expect(403)).text)).toBe(xmlShape(SPEC_EXAMPLES.errors.xml));
    // The values behind the fields, for this data.
    const request = (await t.http().get(`/open311/v2/requests/${id}.json`).expect(200)).body[0];
    expect(request).toMatchObject({
      status: 'closed',
      service_code: 'TEM-003',
      address_id: mahalle,
      media_url: 'https://foto.example.org/k.jpg',
      agency_responsible: 'Temizlik İşleri Müdürlüğü',
    });
    expect(request.status_notes).toContain('Konteyner değiştirildi.');
    // service_request_id overrides the other filters; service_code takes a comma-delimited list.
    const listed = async (query: string) =>
      ((await t.http().get(`/open311/v2/requests.json?${query}`).expect(200)).body as { service_request_id: string }[]).map((r) => r.service_request_id);
    expect(await listed(`service_request_id=${id}&status=open&service_code=FEN-001`)).toEqual([id]);
    expect(await listed('service_code=FEN-001,TEM-003')).toContain(id);
    expect(await listed('service_code=FEN-001')).not.toContain(id);
  });

  it('files a retried POST once', async () => {
    const fields = form();
    const before = await counts();
    const first = (await post(fields).expect(201)).body;
    const again = (await post(fields).expect(201)).body;
    const firstToken = first[0].token ?? (await t.dataSource.query(`SELECT id FROM inbound_events ORDER BY received_at DESC LIMIT 1`))[0].id;
    const id = await client.requestIdFor(firstToken);
    expect(again[0].token ?? again[0].service_request_id).toBeDefined();
    expect([again[0].token, again[0].service_request_id]).toContain(again[0].token ? firstToken : id);
    const after = await counts();
    expect(after.events - before.events).toBe(1);
    expect(after.tickets - before.tickets).toBe(1);
  });

  it('follows a location given as a mahalle or an address', async () => {
    const [{ id: mahalle }] = await t.dataSource.query(`SELECT id FROM mahalleler WHERE code = 'CUMHURIYET'`);
    const { lat: _lat, long: _long, ...noPoint } = form();
    const byMahalle = (await post({ ...noPoint, address_id: 'CUMHURIYET' }).expect(201)).body[0];
    const id = await client.requestIdFor(byMahalle.token);
    const read = await client.request(id, 'json');
    expect(read).toMatchObject({ address_id: mahalle, lat: null, long: null });
    expect(read.address).toBe((await t.dataSource.query(`SELECT name FROM mahalleler WHERE id = $1`, [mahalle]))[0].name);
    const byAddress = (await post({ ...form(), lat: '', long: '', address_string: 'Atatürk Cd. No 5' }).expect(201)).body[0];
    const [ticket] = await t.dataSource.query(`SELECT address FROM tickets WHERE tracking_no = $1`, [await client.requestIdFor(byAddress.token)]);
    expect(ticket.address).toBe('Atatürk Cd. No 5');
  });

  describe('bad input: the specification’s error format, never a 5xx, nothing stored', () => {
    const cases: [string, () => Record<string, string>, number, RegExp][] = [
      ['an unknown service code', () => form({ service_code: 'YOK-999' }), 404, /service_code/],
      ['no service code', () => form({ service_code: '' }), 400, /service_code/],
      ['a number attribute that is not a number', () => form({ 'attribute[derinlik_cm]': 'derin' }), 400, /attribute\[derinlik_cm\].*sayı/],
      ['a list attribute outside its list', () => form({ 'attribute[cukur_boyu]': 'dev' }), 400, /attribute\[cukur_boyu\]/],
      ['a required attribute missing', () => form({ 'attribute[cukur_boyu]': '' }), 400, /attribute\[cukur_boyu\].*gerekli/],
      ['an attribute the service does not ask', () => form({ 'attribute[renk]': 'mavi' }), 400, /attribute\[renk\]/],
      ['no location', () => form({ lat: '', long: '' }), 400, /konum gerekli/],
      ['a latitude without longitude', () => form({ long: '' }), 400, /long/],
      ['a point outside Türkiye', () => form({ lat: '51.5', long: '-0.12' }), 400, /lat/],
      ['no api_key', () => form({ api_key: '' }), 403, /api_key/],
      ['an invalid api_key', () => form({ api_key: 'o311_yanlis-anahtar' }), 403, /api_key/],
      ['an oversized media_url', () => form({ media_url: `https://foto.example.org/${'a'.repeat(2100)}` }), 400, /media_url/],
      ['a media_url that is not http', () => form({ media_url: 'file:///etc/passwd' }), 400, /media_url/],
      ['no e-mail or phone', () => form({ email: '' }), 400, /email/],
    ];
    it.each(cases)('%s', async (_what, fields, status, message) => {
      const before = await counts();
      const res = await post(fields()).expect(status);
      expect(res.body).toEqual([{ code: status, description: expect.stringMatching(message) }]);
      expect(await counts()).toEqual(before);
    });

    it('refuses a revoked key', async () => {
      const issued = (await staff(admin).post('/open311/clients').send({ name: 'Eski uygulama' }).expect(201)).body;
      expect((await staff(admin).get('/open311/clients').expect(200)).body.find((c: { id: string }) => c.id === issued.id)).not.toHaveProperty('keyHash');
      await staff(admin).delete(`/open311/clients/${issued.id}`).expect(204);
      const before = await counts();
      const res = await post(form({ api_key: issued.apiKey })).expect(403);
      expect(res.body[0]).toEqual({ code: 403, description: expect.stringMatching(/iptal/) });
      expect(await counts()).toEqual(before);
      // Only the key's hash is stored.
      const [row] = await t.dataSource.query(`SELECT key_hash FROM open311_clients WHERE id = $1`, [issued.id]);
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key_hash).not.toContain(issued.apiKey);
    });

    it('answers errors in XML for XML requests and expands no entities', async () => {
      const before = await counts();
      const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><service_request><api_key>${apiKey}</api_key><service_code>FEN-001</service_code><description>&x;</description></service_request>`;
      const res = await t.http().post('/open311/v2/requests.xml').set('content-type', 'text/xml').send(xxe).expect(400);
      expect(res.headers['content-type']).toMatch(/xml/);
      expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>400<\/code><description>body: XML içinde DOCTYPE/);
      const undeclared = `<service_request><api_key>${apiKey}</api_key><service_code>FEN-001</service_code><description>&x;</description></service_request>`;
      await t.http().post('/open311/v2/requests.xml').set('content-type', 'text/xml').send(undeclared).expect(400);
      // A body over BODY_LIMIT is refused in the specification's format too.
      const huge = `<service_request><description>${'x'.repeat(1_100_000)}</description></service_request>`;
      const refused = await t.http().post('/open311/v2/requests.xml').set('content-type', 'text/xml').send(huge).expect(413);
      expect(refused.text).toMatch(/<errors><error><code>413<\/code><description>body: istek gövdesi 1mb sınırını aşıyor/);
      expect(await counts()).toEqual(before);
    });

    it('files a well-formed XML request with its attributes', async () => {
      const xml = `<?xml version="1.0" encoding="utf-8"?><service_request><api_key>${apiKey}</api_key><service_code>FEN-001</service_code><lat>36.9</lat><long>30.7</long><email>xml@example.com</email><description>Çukur &amp; taşlar</description><attribute code="cukur_boyu">kucuk</attribute></service_request>`;
      const res = await t.http().post('/open311/v2/requests.xml').set('content-type', 'text/xml').send(xml).expect(201);
      const token = /<token>([^<]+)<\/token>/.exec(res.text)?.[1] ?? '';
      const id = await client.requestIdFor(token);
      const [ticket] = await t.dataSource.query(`SELECT description, attributes FROM tickets WHERE tracking_no = $1`, [id]);
      expect(ticket).toEqual({ description: 'Çukur & taşlar', attributes: { cukur_boyu: 'kucuk' } });
    });

    it('answers unknown formats, services, requests and tokens with 400 or 404', async () => {
      expect((await t.http().get('/open311/v2/services.csv').expect(400)).body[0].code).toBe(400);
      expect((await t.http().get('/open311/v2/services/YOK-999.json').expect(404)).body).toEqual([{ code: 404, description: expect.any(String) }]);
      expect((await t.http().get('/open311/v2/services/YOK-999.xml').expect(404)).text).toMatch(/<errors><error><code>404<\/code>/);
      await t.http().get('/open311/v2/requests/1999-000001.json').expect(404);
      await t.http().get('/open311/v2/requests/abc.json').expect(400);
      await t.http().get('/open311/v2/tokens/00000000-0000-4000-8000-000000000000.json').expect(404);
      await t.http().get('/open311/v2/requests.json?status=pending').expect(400);
      await t.http().get('/open311/v2/requests.json?start_date=dün').expect(400);
      // A range may not span more than 90 days.
      const tooLong = await t.http().get('/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z').expect(400);
      expect(tooLong.body[0].description).toMatch(/start_date.*90 gün/);
      await t.http().get('/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z').expect(200);
    });
  });

  it('checks a category’s fields on the web form and the staff form too, and the admins’ definitions', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM categories WHERE service_code = 'FEN-001'`);
    const web = (attributes: Record<string, unknown>) =>
      t.http().post('/api/v1/public/applications').send({
        kind: 'sikayet',
        categoryId: id,
        description: 'Yolda derin bir çukur var.',
        fullName: 'Deniz Ak',
        email: 'deniz@example.com',
        kvkkConsent: true,
        attributes,
      });
    const before = await counts();
    expect((await web({}).expect(400)).body.details).toEqual([{ field: 'attributes.cukur_boyu', message: expect.stringMatching(/Çukurun büyüklüğü gerekli/) }]);
    expect((await web({ cukur_boyu: 'buyuk', derinlik_cm: 'çok' }).expect(400)).body.details[0].field).toBe('attributes.derinlik_cm');
    expect(await counts()).toEqual(before);
    const receipt = (await web({ cukur_boyu: 'kucuk', derinlik_cm: '7' }).expect(202)).body;
    const trackingNo = await waitFor(
      'accepted',
      async () => (await t.http().get(`/api/v1/public/applications/${receipt.receiptId}`)).body.trackingNo as string | undefined,
    );
    expect((await t.dataSource.query(`SELECT attributes FROM tickets WHERE tracking_no = $1`, [trackingNo]))[0].attributes).toEqual({
      cukur_boyu: 'kucuk',
      derinlik_cm: 7,
    });

    // The page posts multipart, the fields named attributes[code] as its script names them.
    const multipart = await t
      .http()
      .post('/api/v1/public/applications')
      .field('kind', 'sikayet')
      .field('categoryId', id)
      .field('description', 'Yolda derin bir çukur var, multipart.')
      .field('fullName', 'Deniz Ak')
      .field('email', 'deniz2@example.com')
      .field('kvkkConsent', 'on')
      .field('attributes[cukur_boyu]', 'buyuk')
      .field('attributes[derinlik_cm]', '30')
      .expect(202);
    const multipartNo = await waitFor(
      'accepted',
      async () => (await t.http().get(`/api/v1/public/applications/${multipart.body.receiptId}`)).body.trackingNo as string | undefined,
    );
    expect((await t.dataSource.query(`SELECT attributes FROM tickets WHERE tracking_no = $1`, [multipartNo]))[0].attributes).toEqual({
      cukur_boyu: 'buyuk',
      derinlik_cm: 30,
    });
    const page = (await t.http().get('/basvuru/basvuru.js').expect(200)).text;
    expect(page).toContain("'attributes[' + f.code + ']'");

    const agent = await loginAs(t, 'agent');
    const ticket = (attributes?: Record<string, unknown>) =>
      staff(agent)
        .post('/tickets')
        .send({
          channel: 'phone',
          categoryId: id,
          subject: 'Yolda çukur',
          description: 'Arayan yolda çukur bildirdi',
          citizen: { fullName: 'Arayan Kişi', phone: '0532 444 55 66' },
          attributes,
        });
    expect((await ticket().expect(400)).body.details[0].field).toBe('attributes.cukur_boyu');
    expect((await ticket({ cukur_boyu: ['kucuk', 'buyuk'] }).expect(400)).body.details[0].message).toMatch(/tek bir değer/);
    expect((await ticket({ cukur_boyu: 'buyuk' }).expect(201)).body).toMatchObject({ fields: [{ code: 'cukur_boyu', value: 'buyuk' }] });

    const define = (fields: object[]) => staff(admin).patch(`/categories/${id}`).send({ fields });
    expect((await define([{ code: 'secim', label: 'Seçim', datatype: 'singlevaluelist' }]).expect(400)).body.details[0].field).toBe('fields.0.options');
    expect((await define([{ code: 'Kod', label: 'Kod', datatype: 'string' }]).expect(400)).body.details[0].field).toMatch(/code/);
    expect((await define([{ code: 'renk', label: 'Renk', datatype: 'color' }]).expect(400)).body.details[0].field).toMatch(/datatype/);
    expect((await define([FIELDS[1], FIELDS[1]]).expect(400)).body.details[0].message).toMatch(/iki kez/);
  });

  it('never lists an ihbar', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM categories WHERE service_code = 'FEN-001'`);
    const agent = await loginAs(t, 'agent');
    const res = await staff(agent)
      .post('/tickets')
      .send({
        channel: 'phone',
        kind: 'ihbar',
        categoryId: id,
        subject: 'Kaçak yapı ihbarı',
        description: 'Komşunun kaçak katı var',
        citizen: { fullName: 'Gizli Muhbir', phone: '0532 999 88 77' },
        attributes: { cukur_boyu: 'kucuk' },
      })
      .expect(201);
    await t.http().get(`/open311/v2/requests/${res.body.trackingNo}.json`).expect(404);
    const list = (await t.http().get('/open311/v2/requests.json').expect(200)).body as { service_request_id: string }[];
    expect(list.map((r) => r.service_request_id)).not.toContain(res.body.trackingNo);
    expect(list.length).toBeGreaterThan(0);
  });
});
