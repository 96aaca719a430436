import { AppConfig } from '@app/config';
import { categoryId, createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const KEY = 'dev-only-intake-key-change-me';
// How long a training may take on the shared machine: the corpus grew by a third on 2026-12-06, and
// at a load average of 15 a first training took longer than four minutes.
const TRAINING_MS = 480_000;

/**
 * The classifier learns from the call centre: a first model is trained at boot, staff correct
 * a kind of message it gets wrong, and after 200 corrections a retrained version routes that
 * kind right — with every step through the API, as staff would take it.
 */
describe('the classifier learns from the call centre', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let supervisor: Staff;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        CLASSIFIER_AUTO_TRAIN: 'true',
        CLASSIFIER_RETRAIN_AFTER_EXAMPLES: '200',
        CLASSIFIER_REFRESH_MS: '200',
        SWEEP_INTERVAL_MS: '500',
        SWEEP_GRACE_MS: '300',
      },
    });
    [admin, agent, supervisor] = await Promise.all([loginAs(t, 'admin'), loginAs(t, 'agent'), loginAs(t, 'supervisor')]);
  });
  // Closing waits for the queues' workers; on the shared machine (2026-12-06) it once took over a minute.
  afterAll(() => t.close(), 180_000);

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object = {}) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
  });
  const activeVersion = async () =>
    ((await as(admin).get('/classifier/models').expect(200)).body as { version: number; active: boolean }[]).find((m) => m.active)?.version ?? null;
  const suggest = async (text: string) => (await as(agent).post('/classifier/suggestions', { text }).expect(200)).body;
  const sms = async (body: string) => {
    const id = `SM-learn-${(seq += 1)}`;
    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({
        channel: 'sms',
        providerId: id,
        payload: { MessageSid: id, From: `+90533${String(1_000_000 + seq).padStart(7, '0')}`, Body: body, NumMedia: '0' },
      })
      .expect(202);
    return res.body.eventId as string;
  };
  const ticketOf = (eventId: string) =>
    waitFor(
      `event ${eventId} filed`,
      async () => {
        const [row] = await t.dataSource.query(
          `SELECT t.* FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.id = $1 AND (t.triage OR t.routed_at IS NOT NULL OR t.status <> 'new')`,
          [eventId],
        );
        return row;
      },
      30_000,
    );

  // A kind the corpus does not know: the upkeep of cemeteries, which this municipality's Park ve Bahçeler does.
  const places = ['mezarlık', 'mezarlik', 'kabristan', 'MEZARLIK', 'asri mezarlık', 'mahalle mezarlığı'];
  const states = ['çok bakımsız', 'otlarla kaplandı', 'bakımı yapılmıyor', 'hiç temizlenmiyor', 'çalılar boyu geçti', 'bakimsiz kaldi'];
  const endings = ['', 'lütfen bakım yapılsın', 'acil ilgilenin', 'ziyarete gidemiyoruz', 'mezarlara ulaşamıyoruz', 'tsk'];
  const mahalleler = ['Atatürk', 'Fatih', 'Çamlık', 'Yeşiltepe', 'Osmangazi', 'Karşıyaka', 'Şehitler'];
  const cemetery = (n: number) => `${mahalleler[n % 7]} ${places[n % 6]} ${states[Math.floor(n / 6) % 6]} ${endings[Math.floor(n / 36) % 6]}`.trim();
  const unseen = [
    'Şehitler mahallesindeki kabristanı ot bürüdü, bakım bekliyoruz',
    'mezarlıkta yürünecek yol kalmadı her yer diken ve ot',
    'MEZARLIĞIN BAKIMI NE ZAMAN YAPILACAK',
  ];

  it(
    'trains a first model at boot from the shipped corpus, and every process loads it',
    async () => {
      const version = await waitFor('a first active model', activeVersion, TRAINING_MS, 1000);
      const [model] = (await as(admin).get('/classifier/models').expect(200)).body;
      expect(model).toMatchObject({ version, active: true, reason: 'initial', state: 'ready', evaluation: { heldOut: { messages: expect.any(Number) } } });
      expect(model).not.toHaveProperty('model');
      await waitFor('suggestions from it', async () => (await suggest('sokakta çöpler toplanmadı')).modelVersion === version);
      expect(await suggest('Çöplerimiz 4 gündür alınmadı')).toMatchObject({
        confident: true,
        top: expect.arrayContaining([expect.objectContaining({ categoryId: await categoryId(t.dataSource, 'TEM-001') })]),
      });
    },
    TRAINING_MS + 30_000,
  );

  it(
    'after 200 staff corrections of a kind it got wrong, a retrained version routes that kind right',
    async () => {
      const park = await idByCode(t.dataSource, 'departments', 'PARK');
      const upkeep = await categoryId(t.dataSource, 'PRK-001');
      const first = (await activeVersion())!;
      for (const text of unseen) expect(await suggest(text)).not.toMatchObject({ categoryId: upkeep, confident: true });

      let corrected = 0;
      for (let n = 0; corrected < 200; n += 1) {
        expect(n).toBeLessThan(400);
        const ticket = await ticketOf(await sms(cemetery(n)));
        if (ticket.triage) {
          await as(agent).post(`/tickets/${ticket.id}/categorise`, { categoryId: upkeep, version: ticket.version }).expect(200);
        } else if (ticket.status !== 'referred' && ticket.department_id !== park) {
          await as(supervisor)
            .post(`/tickets/${ticket.id}/transfer`, {
              departmentId: park,
              categoryId: upkeep,
              reason: 'Mezarlık bakımı Park ve Bahçelerin işi',
              version: ticket.version,
            })
            .expect(200);
        } else continue;
        corrected += 1;
      }
      const [{ n: examples }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM classifier_examples WHERE category_id = $1`, [upkeep]);
      expect(examples).toBe(200);

      const second = await waitFor('a retrained version', async () => ((await activeVersion()) ?? 0) > first && (await activeVersion()), TRAINING_MS, 1000);
      const versions = (await as(admin).get('/classifier/models').expect(200)).body;
      expect(versions[0]).toMatchObject({ version: second, reason: 'examples', staffExamples: 200 });
      // A triaged ticket whose likeliest category was already the right one confirmed it rather than changed it.
      const [{ n: changed }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM classifier_examples WHERE model_version = $1 AND suggested_category_id IS DISTINCT FROM category_id`,
        [first],
      );
      const firstView = versions.find((v: { version: number }) => v.version === first);
      expect(firstView).toMatchObject({ changedByStaff: changed });
      expect(changed).toBeGreaterThan(0);
      expect(firstView.suggestions).toBeGreaterThanOrEqual(200);
      expect(firstView.changedShare).toBeCloseTo(changed / firstView.suggestions);

      await waitFor('suggestions from the retrained version', async () => (await suggest(unseen[0])).modelVersion === second);
      for (const text of unseen) expect(await suggest(text)).toMatchObject({ categoryId: upkeep, confident: true });
      const next = await ticketOf(await sms('Yenidoğan mahalle mezarlığı otlardan görünmüyor, bakım istiyoruz'));
      expect(next).toMatchObject({ category_id: upkeep, department_id: park, triage: false });

      // Rollback: the first version again, in every process within CLASSIFIER_REFRESH_MS.
      const firstId = versions.find((v: { version: number }) => v.version === first).id;
      await as(admin).post(`/classifier/models/${firstId}/activate`).expect(200);
      await waitFor('the rolled-back version in use', async () => (await suggest(unseen[0])).modelVersion === first);
    },
    3 * TRAINING_MS,
  );

  it(
    'refuses a second training while one runs, and keeps the active version when a retrain fails',
    async () => {
      const models = async () => (await as(admin).get('/classifier/models').expect(200)).body as { id: string; state: string; error: string | null }[];
      const running = await as(admin).post('/classifier/models').expect(202);
      const refused = await as(admin).post('/classifier/models').expect(409);
      expect(refused.body.code).toBe('CLASSIFIER_TRAINING_RUNNING');
      await waitFor(
        'the admin training to end',
        async () => (await models()).find((m) => m.id === running.body.id && m.state !== 'training'),
        TRAINING_MS,
        500,
      );

      const config = t.app.get(AppConfig);
      const before = await activeVersion();
      const corpus = config.CLASSIFIER_CORPUS_FILE;
      config.CLASSIFIER_CORPUS_FILE = 'data/no-such-corpus.json';
      try {
        const started = await as(admin).post('/classifier/models').expect(202);
        const failed = await waitFor(
          'the training to fail',
          async () => (await models()).find((m) => m.id === started.body.id && m.state === 'failed'),
          60_000,
          200,
        );
        expect(failed.error).toMatch(/CLASSIFIER_CORPUS_FILE/);
      } finally {
        config.CLASSIFIER_CORPUS_FILE = corpus;
      }
      expect(await activeVersion()).toBe(before);
      expect((await suggest('sokakta çöpler toplanmadı')).modelVersion).toBe(before);
      await as(admin).post('/classifier/models/00000000-0000-4000-8000-000000000000/activate').expect(404);
      const bad = await as(admin).post('/classifier/models/not-a-uuid/activate').expect(400);
      expect(JSON.stringify(bad.body)).toMatch(/id/);
    },
    TRAINING_MS + 120_000,
  );

  it('sends empty, emoji-only, foreign and very long messages to triage with a reason, never an error', async () => {
    for (const [text, reason] of [
      ['', 'empty'],
      ['😡😡🙏', 'empty'],
      ['Bonjour, la rue est très sale', 'unknown-words'],
    ] as const) {
      expect(await suggest(text)).toMatchObject({ categoryId: null, confident: false, triage: reason });
    }
    // Greetings and English are what the corpus's messages with no subject look like: triage too.
    expect(await suggest('Hello, the street is dirty')).toMatchObject({ confident: false });
    const long = await suggest(`Merhaba, sokağımızda çöpler toplanmadı. ${'Ayrıca anlatmak istediğim çok şey var. '.repeat(1250)}`);
    expect(long.modelVersion).toEqual(expect.any(Number));
    const tooLong = await as(agent)
      .post('/classifier/suggestions', { text: 'a'.repeat(50_001) })
      .expect(400);
    expect(JSON.stringify(tooLong.body)).toMatch(/text/);
    const ticket = await ticketOf(await sms('🙏🙏🙏'));
    expect(ticket).toMatchObject({ triage: true, category_id: null });
  }, 60_000);
});
