import { createTestApp, loginAs, TestApp } from '@app/testing';

/** The staff UI's bundle as /app serves it, its CSP, and the settings the screens read. */
describe('the staff UI bundle and its settings', () => {
  let t: TestApp;
  let voice: TestApp;

  beforeAll(async () => {
    [t, voice] = await Promise.all([
      createTestApp(),
      createTestApp({
        env: {
          TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
          TWILIO_API_KEY: `SK${'1'.repeat(32)}`,
          TWILIO_API_SECRET: 'test-twilio-api-secret-0123456789',
          TWILIO_TWIML_APP_SID: `AP${'2'.repeat(32)}`,
          UI_TILE_URL: 'https://{s}.tiles.ornek-bel.tr/harita/{z}/{x}/{y}.png',
          UI_TILE_ATTRIBUTION: 'Örnek Belediyesi',
        },
      }),
    ]);
  }, 120_000);
  afterAll(async () => Promise.all([t?.close(), voice?.close()]));

  it('serves the built page, script and stylesheet with the CSP (tiles in img-src, no inline code)', async () => {
    const page = await t.http().get('/app').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<script type="module" src="/app/app.js">');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/tile\.openstreetmap\.org(;|$)/);
    expect(csp).not.toContain('unsafe');
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const script = await t.http().get('/app/app.js').expect(200);
    expect(script.headers['content-type']).toMatch(/text\/javascript/);
    expect(script.text).toContain('sourceMappingURL=app.js.map');
    // The labels come from @app/domain into the bundle.
    expect(script.text).toContain('Vatandaştan bilgi bekleniyor');
    await t.http().get('/app/app.js.map').expect(200);
    expect((await t.http().get('/app/app.css').expect(200)).headers['content-type']).toMatch(/text\/css/);
    await t.http().get('/app/nope.js').expect(404);

    const voiceCsp = (await voice.http().get('/app').expect(200)).headers['content-security-policy'];
    expect(voiceCsp).toContain("img-src 'self' data: blob: https://*.tiles.ornek-bel.tr");
  });

  it('tells the screens the tiles and whether the browser phone is configured', async () => {
    const agent = await loginAs(t, 'agent');
    const plain = await t.http().get('/api/v1/ui/config').set('Authorization', `Bearer ${agent.token}`).expect(200);
    expect(plain.body).toMatchObject({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      tileAttribution: expect.stringContaining('OpenStreetMap'),
      voice: { configured: false },
    });
    const manager = await loginAs(voice, 'department-manager');
    const set = await voice.http().get('/api/v1/ui/config').set('Authorization', `Bearer ${manager.token}`).expect(200);
    expect(set.body).toMatchObject({
      tileUrl: 'https://{s}.tiles.ornek-bel.tr/harita/{z}/{x}/{y}.png',
      tileAttribution: 'Örnek Belediyesi',
      voice: { configured: true },
    });
    await t.http().get('/api/v1/ui/config').expect(401);
  });
});
