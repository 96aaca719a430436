import { createTestApp, loginAs, TestApp, ticketInput, waitFor } from '@app/testing';

describe('public status look-up', () => {
  let t: TestApp;
  let trackingNo: string;

  beforeAll(async () => {
    // Client addresses come from X-Forwarded-For, as behind the municipality's proxy.
    t = await createTestApp({ env: { TRUST_PROXY: 'loopback', PUBLIC_LOOKUP_MAX_FAILURES: '3', PUBLIC_LOOKUP_MAX_ADDRESS_FAILURES: '5' } });
    const agent = await loginAs(t, 'agent');
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${agent.token}`)
      .send(ticketInput({ subject: 'Sokak lambası yanmıyor', citizen: { fullName: 'Ali Veli', phone: '0533 444 12 34', email: 'ali@example.com' } }))
      .expect(201);
    trackingNo = res.body.trackingNo;
  });
  afterAll(() => t.close());

  const lookUp = (ip: string, number: string, last4: string) => t.http().get(`/api/v1/public/tickets/${number}?phoneLast4=${last4}`).set('X-Forwarded-For', ip);
  const expectLimited = async (ip: string, number: string, last4: string) => {
    const res = await lookUp(ip, number, last4).expect(429);
    expect(res.body).toEqual({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/dakika sonra/) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
  };

  it('tells the status for the tracking number and the last four digits of the phone, with no personal data', async () => {
    const res = await lookUp('198.51.100.1', trackingNo, '1234').expect(200);
    expect(res.body).toMatchObject({ trackingNo, status: 'new', statusLabel: 'Yeni', kind: 'Şikâyet' });
    expect(JSON.stringify(res.body)).not.toMatch(/Ali|Veli|1234|ali@|Sokak lambası/);
  });

  it('answers 404 for the wrong digits, 400 for malformed input, then 429 with Retry-After after too many failures', async () => {
    const attacker = '203.0.113.66';
    await lookUp(attacker, trackingNo, '9999').expect(404);
    const malformed = await lookUp(attacker, trackingNo, '12').expect(400);
    expect(malformed.body.details[0].field).toBe('phoneLast4');
    await lookUp(attacker, '123', '1234').expect(400);
    await lookUp(attacker, trackingNo, '0000').expect(404);
    await lookUp(attacker, trackingNo, '1111').expect(404);
    // Refused from that address even with the right digits, so guessing on tells nothing.
    await expectLimited(attacker, trackingNo, '1234');
  });

  it("does not lock the citizen out of their own application because of a stranger's guesses", async () => {
    await lookUp('198.51.100.2', trackingNo, '1234').expect(200);
  });

  it('does not count successful look-ups', async () => {
    for (let i = 0; i < 6; i += 1) await lookUp('198.51.100.3', trackingNo, '1234').expect(200);
    await lookUp('198.51.100.3', trackingNo, '9999').expect(404);
  });

  it('stops one address guessing across many numbers, and only that address', async () => {
    const enumerator = '203.0.113.77';
    for (let i = 0; i < 5; i += 1) await lookUp(enumerator, `2026-99990${i}`, '1234').expect(404);
    await expectLimited(enumerator, trackingNo, '1234');
    await lookUp('198.51.100.4', trackingNo, '1234').expect(200);
  });

  describe('for every applicant, whatever the channel', () => {
    const KEY = 'dev-only-intake-key-change-me';
    const inbound = (channel: string, providerId: string, payload: object) =>
      t.http().post('/api/v1/intake/events').set('X-Intake-Key', KEY).send({ channel, providerId, payload }).expect(202);
    const trackingOf = (providerId: string) =>
      waitFor(`ticket of ${providerId}`, async () => {
        const [row] = await t.dataSource.query(`SELECT t.tracking_no FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.provider_id = $1`, [
          providerId,
        ]);
        return row?.tracking_no as string | undefined;
      });
    const byEmail = (ip: string, number: string, email: string) =>
      t
        .http()
        .get(`/api/v1/public/tickets/${number}?email=${encodeURIComponent(email)}`)
        .set('X-Forwarded-For', ip);

    it('finds an e-mail application by its tracking number and e-mail (any case), and nothing with another e-mail', async () => {
      await inbound('email', '<durum-1@example.com>', {
        messageId: '<durum-1@example.com>',
        from: { address: 'Fatma.Sahin@example.com', name: 'Fatma Şahin' },
        subject: 'Parktaki salıncak kırık',
        text: 'Çocuk parkındaki salıncak kırılmış, tehlikeli.',
      });
      const number = await trackingOf('<durum-1@example.com>');
      const res = await byEmail('198.51.100.20', number, ' fatma.sahin@EXAMPLE.com ').expect(200);
      expect(res.body).toMatchObject({ trackingNo: number, status: 'new' });
      expect(JSON.stringify(res.body)).not.toMatch(/Fatma|Şahin|fatma|salıncak/i);
      expect((await byEmail('198.51.100.20', number, 'baska@example.com').expect(404)).body.message).toMatch(/e-postayla/);
      expect((await byEmail('198.51.100.20', number, 'e-posta-degil').expect(400)).body.details[0].field).toBe('email');
    });

    it('finds a WhatsApp application by the last four digits of the number it came from', async () => {
      await inbound('whatsapp', 'wamid.durum-1', {
        id: 'wamid.durum-1',
        from: '905377778899@c.us',
        body: 'Sokakta su borusu patladı, su akıyor',
        type: 'chat',
      });
      const number = await trackingOf('wamid.durum-1');
      await lookUp('198.51.100.21', number, '8899').expect(200);
      await lookUp('198.51.100.21', number, '1234').expect(404);
    });

    it('finds a web-form application by the phone it gave', async () => {
      const res = await t
        .http()
        .post('/api/v1/public/applications')
        .set('X-Forwarded-For', '198.51.100.22')
        .send({ kind: 'talep', description: 'Parka yeni bank konulmasını istiyoruz.', fullName: 'Can Öz', phone: '0538 111 22 44', kvkkConsent: true })
        .expect(202);
      const number = await waitFor('accepted', async () => {
        const receipt = await t.http().get(`/api/v1/public/applications/${res.body.receiptId}`).expect(200);
        return receipt.body.trackingNo as string | undefined;
      });
      await lookUp('198.51.100.22', number, '2244').expect(200);
    });
  });
});
