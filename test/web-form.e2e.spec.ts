import { createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const MAX_BYTES = 256 * 1024;

describe('public web form', () => {
  let t: TestApp;
  let admin: Staff;
  let ipSeq = 0;
  let phoneSeq = 0;

  beforeAll(async () => {
    t = await createTestApp({
      env: { TRUST_PROXY: 'loopback', WEB_FORM_RATE_LIMIT: '3', MEDIA_MAX_BYTES: String(MAX_BYTES), PUBLIC_URL: 'https://cozum.example.gov.tr' },
    });
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const nextIp = () => `203.0.113.${(ipSeq += 1)}`;
  const nextPhone = () => `0535 ${String(1_000_000 + (phoneSeq += 1)).padStart(7, '0')}`;
  const post = (ip = nextIp()) => t.http().post('/api/v1/public/applications').set('X-Forwarded-For', ip);
  const fields = (overrides: Record<string, string | null> = {}): Record<string, string> => {
    const all: Record<string, string | null> = {
      kind: 'sikayet',
      description: 'Sokağımızdaki çöpler üç gündür toplanmadı, koku var.',
      fullName: 'Zeynep Kaya',
      phone: nextPhone(),
      kvkkConsent: 'on',
      website: '',
      ...overrides,
    };
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null)) as Record<string, string>;
  };
  const multipart = (values: Record<string, string>, ip?: string) => {
    const req = post(ip);
    for (const [name, value] of Object.entries(values)) req.field(name, value);
    return req;
  };
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM inbound_events)::int AS events, (SELECT count(*) FROM media_files)::int AS media,
              (SELECT count(*) FROM citizens)::int AS citizens, (SELECT count(*) FROM tickets)::int AS tickets`,
      )
    )[0];
  const accepted = (receiptId: string) =>
    waitFor(`receipt ${receiptId} accepted`, async () => {
      const res = await t.http().get(`/api/v1/public/applications/${receiptId}`).expect(200);
      return res.body.status === 'accepted' ? res.body : null;
    });

  it('serves the page with every field of the form', async () => {
    const res = await t.http().get('/basvuru').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const name of [
      'kind',
      'categoryId',
      'description',
      'mahalleId',
      'address',
      'latitude',
      'longitude',
      'fullName',
      'phone',
      'email',
      'kvkkConsent',
      'website',
      'idempotencyKey',
    ]) {
      expect(res.text).toContain(`name="${name}"`);
    }
    expect(res.text.match(/name="photos" type="file" accept="image\/\*"/g)).toHaveLength(3);
    expect(res.text).toContain('<option value="sikayet">Şikâyet</option>');
    expect(res.text).not.toContain('{{');
    expect((await t.http().get('/basvuru/basvuru.js').expect(200)).headers['content-type']).toMatch(/javascript/);
    expect((await t.http().get('/basvuru/durum').expect(200)).text).toContain('name="phoneLast4"');
    expect((await t.http().get('/basvuru/yok.js').expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('finds categories without Turkish letters and lists mahalleler without personal data', async () => {
    const cats = await t.http().get('/api/v1/public/categories?q=COP').expect(200);
    expect(cats.body.map((c: { name: string }) => c.name)).toContain('Çöp toplanmadı');
    expect(Object.keys(cats.body[0]).sort()).toEqual(['fields', 'id', 'kind', 'kindLabel', 'name']);
    const mahalleler = await t.http().get('/api/v1/public/mahalleler').expect(200);
    expect(mahalleler.body.length).toBeGreaterThan(0);
    expect(Object.keys(mahalleler.body[0]).sort()).toEqual(['id', 'name']);
  });

  it('turns a multipart application with a photo into a ticket, and the receipt into its tracking number', async () => {
    const [category] = (await t.http().get('/api/v1/public/categories?q=cop toplanmadi').expect(200)).body;
    const mahalleId = await idByCode(t.dataSource, 'mahalleler', 'ATATURK');
    const res = await multipart(
      fields({
        kind: 'Öneri',
        categoryId: category.id,
        mahalleId,
        address: 'Gül Sk. No 5',
        latitude: '41,0151',
        longitude: '28.9795',
        phone: '0532 998 77 66',
      }),
    )
      .attach('photos', PNG, { filename: 'cop.png', contentType: 'image/png' })
      .expect(202);
    expect(res.body).toEqual({ receiptId: expect.any(String), status: 'pending', statusUrl: `/api/v1/public/applications/${res.body.receiptId}` });
    expect(res.headers.location).toBe(res.body.statusUrl);

    const receipt = await accepted(res.body.receiptId);
    expect(receipt).toEqual({
      receiptId: res.body.receiptId,
      status: 'accepted',
      trackingNo: expect.stringMatching(/^\d{4}-\d{6}$/),
      statusPageUrl: `https://cozum.example.gov.tr/basvuru/durum?no=${receipt.trackingNo}`,
    });
    expect(JSON.stringify(receipt)).not.toMatch(/Zeynep|998|çöp/i);

    const [row] = await t.dataSource.query(
      `SELECT t.id, t.channel, t.kind, t.category_id, t.mahalle_id, t.address, t.latitude, c.phone, c.contact_consent, c.consent_recorded_at
         FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE t.tracking_no = $1`,
      [receipt.trackingNo],
    );
    expect(row).toMatchObject({
      channel: 'web',
      kind: 'oneri',
      category_id: category.id,
      mahalle_id: mahalleId,
      address: 'Gül Sk. No 5',
      phone: '+905329987766',
      contact_consent: true,
    });
    expect(Number(row.latitude)).toBeCloseTo(41.0151);
    expect(row.consent_recorded_at).not.toBeNull();

    const detail = await t.http().get(`/api/v1/tickets/${row.id}`).set('Authorization', `Bearer ${admin.token}`).expect(200);
    const [photo] = detail.body.timeline[0].data.media;
    expect(photo).toEqual({ url: expect.stringMatching(/^\/api\/v1\/media\/[0-9a-f-]{36}$/), contentType: 'image/png', filename: 'cop.png', size: PNG.length });
    await t.http().get(photo.url).expect(401);
    const file = await t
      .http()
      .get(photo.url)
      .set('Authorization', `Bearer ${admin.token}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
  });

  it('takes a JSON application from a client without photos, with e-mail only', async () => {
    const res = await post()
      .send({
        kind: 'Bilgi edinme',
        description: 'Kreş başvuruları ne zaman başlıyor?',
        fullName: 'Ali Demir',
        email: 'Ali.Demir@Example.com',
        kvkkConsent: true,
      })
      .expect(202);
    const receipt = await accepted(res.body.receiptId);
    const [row] = await t.dataSource.query('SELECT t.kind, c.email, c.phone FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE t.tracking_no = $1', [
      receipt.trackingNo,
    ]);
    expect(row).toEqual({ kind: 'bilgi_edinme', email: 'ali.demir@example.com', phone: null });
  });

  it('refuses an application without KVKK consent, naming kvkkConsent, and stores nothing', async () => {
    const before = await counts();
    const res = await multipart(fields({ kvkkConsent: null }))
      .attach('photos', PNG, { filename: 'a.png', contentType: 'image/png' })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['kvkkConsent']);
    expect(res.body.details[0].message).toContain('KVKK');
    await post()
      .send({ ...fields(), kvkkConsent: false })
      .expect(400);
    expect(await counts()).toEqual(before);
  });

  it('names each wrong field in one 400', async () => {
    const before = await counts();
    const res = await post()
      .send({ kind: 'dilekçe', description: 'kısa', fullName: 'Ay', phone: '12345', latitude: 41, kvkkConsent: true, extra: 1 })
      .expect(400);
    const named = new Set(res.body.details.map((d: { field: string }) => d.field));
    expect(named).toEqual(new Set(['kind', 'description', 'fullName', 'phone', 'longitude', 'extra']));
    const none = await post()
      .send({ ...fields({ phone: null }), kvkkConsent: true })
      .expect(400);
    expect(none.body.details).toEqual([{ field: 'phone', message: expect.stringContaining('e-posta') }]);
    const far = await post()
      .send({ ...fields(), kvkkConsent: true, latitude: 51.5, longitude: -0.12 })
      .expect(400);
    expect(far.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['latitude', 'longitude']);
    const unknown = await post()
      .send({ ...fields(), kvkkConsent: true, categoryId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknown.body.details[0].field).toBe('categoryId');
    expect(await counts()).toEqual(before);
  });

  it('refuses a text file named photo.jpg with 415 naming photos', async () => {
    const before = await counts();
    const res = await multipart(fields())
      .attach('photos', Buffer.from('bu bir fotoğraf değil\n'), { filename: 'photo.jpg', contentType: 'image/jpeg' })
      .expect(415);
    expect(res.body).toMatchObject({
      code: 'MEDIA_UNSUPPORTED_TYPE',
      details: [{ field: 'photos', message: 'photos: "photo.jpg" bir fotoğraf değil; yalnızca JPEG, PNG, WebP veya HEIC fotoğraf eklenebilir' }],
    });
    const pdf = await multipart(fields()).attach('photos', Buffer.from('%PDF-1.7\n'), { filename: 'belge.pdf', contentType: 'application/pdf' }).expect(415);
    expect(pdf.body.details[0].message).toContain('fotoğraf');
    expect(await counts()).toEqual(before);
  });

  it('refuses an oversized photo with 413 in the JSON error body, and more photos than allowed with 400', async () => {
    const before = await counts();
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)]);
    const res = await multipart(fields()).attach('photos', big, { filename: 'buyuk.png', contentType: 'image/png' }).expect(413);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'MEDIA_TOO_LARGE', details: [{ field: 'photos' }] });
    const many = multipart(fields());
    for (let i = 0; i < 4; i += 1) many.attach('photos', PNG, { filename: `${i}.png`, contentType: 'image/png' });
    const tooMany = await many.expect(400);
    expect(tooMany.body.details[0]).toEqual({ field: 'photos', message: 'photos: en fazla 3 fotoğraf eklenebilir' });
    expect(await counts()).toEqual(before);
  });

  it('answers a cut-off multipart body with the JSON error body', async () => {
    const res = await post()
      .set('Content-Type', 'multipart/form-data; boundary=sinir')
      .send('--sinir\r\nContent-Disposition: form-data; name="kind"\r\n\r\nsikayet')
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ message: expect.stringContaining('okunamadı') }] });
  });

  it('answers a filled honeypot as if accepted but stores nothing', async () => {
    const before = await counts();
    const res = await multipart(fields({ website: 'http://spam.example' }))
      .attach('photos', PNG, { filename: 'x.png', contentType: 'image/png' })
      .expect(202);
    expect(res.body).toEqual({ receiptId: expect.any(String), status: 'pending', statusUrl: `/api/v1/public/applications/${res.body.receiptId}` });
    const receipt = await t.http().get(res.body.statusUrl).expect(200);
    expect(receipt.body).toEqual({ receiptId: res.body.receiptId, status: 'pending' });
    expect(await counts()).toEqual(before);
  });

  it('limits applications per client IP with 429 and Retry-After, while another IP is still served', async () => {
    const ip = nextIp();
    for (let i = 0; i < 3; i += 1)
      await post(ip)
        .send({ ...fields(), kvkkConsent: true })
        .expect(202);
    const { events, media } = await counts();
    const limited = await post(ip)
      .send({ ...fields(), kvkkConsent: true })
      .expect(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.body.message).toMatch(/dakika sonra/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(await counts()).toMatchObject({ events, media });
    await post(nextIp())
      .send({ ...fields(), kvkkConsent: true })
      .expect(202);
  });

  it('files one ticket for the same idempotency key sent twice', async () => {
    const key = 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    const values = fields({ idempotencyKey: key });
    const first = await multipart(values).set('Idempotency-Key', key).attach('photos', PNG, { filename: 'a.png', contentType: 'image/png' }).expect(202);
    const afterFirst = await counts();
    const second = await multipart(values).set('Idempotency-Key', key).attach('photos', PNG, { filename: 'a.png', contentType: 'image/png' }).expect(202);
    expect(second.body.receiptId).toBe(first.body.receiptId);
    const receipt = await accepted(first.body.receiptId);
    const third = await post()
      .set('Idempotency-Key', key)
      .send({ ...values, kvkkConsent: true })
      .expect(202);
    expect(third.body).toMatchObject({ receiptId: first.body.receiptId, status: 'accepted', trackingNo: receipt.trackingNo });
    const after = await counts();
    expect(after).toEqual({ ...afterFirst, tickets: after.tickets, citizens: after.citizens });
    const tickets = await t.dataSource.query(`SELECT t.id FROM tickets t JOIN inbound_events e ON e.ticket_id = t.id WHERE e.provider_id = $1`, [key]);
    expect(tickets).toHaveLength(1);
    await post()
      .set('Idempotency-Key', 'short')
      .send({ ...fields(), kvkkConsent: true })
      .expect(400);
  });

  it('answers 404 for an unknown receipt and 400 for one that is not a uuid', async () => {
    await t.http().get('/api/v1/public/applications/00000000-0000-4000-8000-000000000000').expect(404);
    const bad = await t.http().get('/api/v1/public/applications/123').expect(400);
    expect(bad.body.details[0].field).toBe('receiptId');
  });
});
