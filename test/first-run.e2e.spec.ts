import { createTestApp, TestApp } from '@app/testing';

/** A first visit to the bare address finds its way. */
describe('first run', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leads from / to the citizens’ form, the status page and the staff screens', async () => {
    const res = await t.http().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const href of ['/basvuru', '/basvuru/durum', '/app']) expect(res.text).toContain(`href="${href}"`);
  });
});
