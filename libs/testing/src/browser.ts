import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

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
