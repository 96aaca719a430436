import { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { getExpectedTwilioSignature } from 'twilio';
import { createTestApp, describeInBrowser, loginAs, openBrowser, screenshot, seriousA11yViolations, signIn, TestApp, TestBrowser, waitFor } from '@app/testing';

const TOKEN = 'test-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const BASE = `${PUBLIC_URL}/api/v1/channels/twilio/voice`;
const WEDNESDAY_10_00 = new Date('2026-11-25T07:00:00Z');

const describeUi = describeInBrowser('ui-wallboard.e2e');

/**
 * The call-centre wallboard and the agent's state switcher in headless Chromium: the agent goes
 * on a break from the header, the wall screen shows it and then, without a reload, a caller
 * waiting and an agent taking the call, as Twilio's signed webhooks report them.
 */
describeUi('the call-centre wallboard in headless Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: TestBrowser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await createTestApp({ env: { TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL }, now: WEDNESDAY_10_00 });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await openBrowser({ width: 1920, height: 1080 });
    context = browser.context;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signed = (path: string, params: Record<string, string>) =>
    t
      .http()
      .post(`/api/v1/channels/twilio/voice/${path}`)
      .type('form')
      .set('X-Twilio-Signature', getExpectedTwilioSignature(TOKEN, `${BASE}/${path}`, params))
      .send(params)
      .expect(200);
  const tile = (page: Page, id: string) => page.locator(`#${id} .wb-value`);

  it('shows the agents by state and a waiting call live, and the agent sets their state from the header', async () => {
    const agentPage = await signIn(context, base, 'agent');
    const switcher = agentPage.getByLabel('Durumum');
    await switcher.waitFor();
    await switcher.selectOption('break');
    const agent = await loginAs(t, 'agent');
    const stateOf = async () => (await t.http().get('/api/v1/voice/state').set('Authorization', `Bearer ${agent.token}`).expect(200)).body.state;
    await waitFor('the agent break', async () => (await stateOf()) === 'break');
    expect(await switcher.inputValue()).toBe('break');

    const page = await signIn(context, base, 'supervisor');
    await page.goto(`${base}/app#/pano`);
    await page.getByRole('heading', { name: 'Çağrı merkezi', exact: true }).waitFor();
    await page.locator('.wb-live[data-state=on]').waitFor();
    expect(await tile(page, 'wb-agents-break').textContent()).toBe('1');
    expect(await tile(page, 'wb-waiting').textContent()).toBe('0');
    expect(await page.locator('#wb-agent-list tbody tr').first().textContent()).toContain('Molada');

    // A caller asks for an agent: the wall shows them waiting, without a reload.
    const CallSid = `CA${'1'.repeat(32)}`;
    await signed('incoming', { CallSid, From: '+905321230001', To: '+904440444', CallStatus: 'ringing' });
    await signed('menu', { CallSid, Digits: '0' });
    await page.locator('#wb-waiting .wb-value', { hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#wb-waiting').getAttribute('class')).toContain('wb-late');

    // The agent comes back and takes it from the queue: nobody waiting, one agent on a call, today's service level 100 %.
    await switcher.selectOption('available');
    await waitFor('the agent available', async () => (await stateOf()) === 'available');
    t.clock.set(new Date(WEDNESDAY_10_00.getTime() + 12_000));
    const path = `connected?agentId=${agent.id}`;
    const params = { CallSid, QueueTime: '10' };
    await t
      .http()
      .post(`/api/v1/channels/twilio/voice/${path}`)
      .type('form')
      .set('X-Twilio-Signature', getExpectedTwilioSignature(TOKEN, `${BASE}/${path}`, params))
      .send(params)
      .expect(200);
    await page.locator('#wb-agents-on_call .wb-value', { hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    await page.locator('#wb-waiting .wb-value', { hasText: /^0$/ }).waitFor();
    expect(await tile(page, 'wb-service-level').textContent()).toBe('%100');
    expect(await page.locator('#wb-service-level').getAttribute('class')).toContain('wb-ok');
    expect(await tile(page, 'wb-asa').textContent()).toBe('0:12');
    // The agent's header shows the phone's state, not theirs to change while it lasts.
    await agentPage.reload();
    await agentPage.locator('#agent-state:disabled').waitFor();
    expect(await agentPage.locator('#agent-state').inputValue()).toBe('on_call');

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'call-centre-wallboard', { docs: true });

    // The figures screen: the call answered in 12 s, within the 20 s of the service level.
    await page.goto(`${base}/app#/cagri-rakamlari`);
    const total = page.locator('#cc-total tbody tr');
    await total.waitFor();
    expect(await total.locator('td').allTextContents()).toEqual(['1', '1', '0', '—', '0', '0:12', '—', '%100', '%0']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await agentPage.close();
    await page.close();
  }, 120_000);
});
