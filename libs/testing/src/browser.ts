import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's chromium package (`apt-get install -y chromium`); no browser is ever downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `describe` when the browser is installed, `describe.skip` with a line saying why otherwise. */
export function describeInBrowser(suite: string): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  process.stderr.write(`${suite}: ${CHROMIUM} not found — browser tests skipped (install it with: apt-get install -y chromium)\n`);
  return describe.skip;
}

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium in Turkish and Istanbul time, on a profile of its own that `close` removes. */
export async function openBrowser(viewport = { width: 1366, height: 768 }): Promise<TestBrowser> {
  // Loaded here, not at the top: every suite imports @app/testing, few drive a browser.
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'cm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    locale: 'tr-TR',
    timezoneId: 'Europe/Istanbul',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const ROOT = join(__dirname, '..', '..', '..');
const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots');

/** A new tab signed in to /app as `username` (the demo password by default), its live stream connected. */
export async function signIn(context: BrowserContext, base: string, username: string, password = `Demo-${username}-2026`): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`browser error (${username}): ${error.message}\n`));
  await page.goto(`${base}/app`);
  await page.getByLabel('Kullanıcı adı').fill(username);
  await page.getByLabel('Parola').fill(password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.locator('#live-state[data-state=on]').waitFor();
  return page;
}

/** axe-core's serious and critical violations on the page as it stands, one line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A suite's axe-core record: `check` fails on a screen's serious or critical violation, `print` lists every screen checked. */
export function a11yLog(suite: string) {
  const checked: { screen: string; violations: string[] }[] = [];
  return {
    async check(page: Page, screen: string): Promise<void> {
      const violations = await seriousA11yViolations(page);
      checked.push({ screen, violations });
      expect({ screen, violations }).toEqual({ screen, violations: [] });
    },
    print(): void {
      if (checked.length) process.stdout.write(`${suite} axe (serious/critical per screen): ${JSON.stringify(checked)}\n`);
    },
  };
}

/** A screenshot in artifacts/screenshots; a `docs` one is copied to docs/screenshots with UPDATE_DOCS_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string, { docs = false, fullPage = docs }: { docs?: boolean; fullPage?: boolean } = {}): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
  if (docs && process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    await mkdir(DOCS_SHOTS, { recursive: true });
    await copyFile(join(SHOTS, `${name}.png`), join(DOCS_SHOTS, `${name}.png`));
  }
}
