import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface UiFile {
  type: string;
  body: Buffer;
}

/**
 * Where scripts/build-ui.mjs put the bundle: dist-ui/ at the project's root, found from the compiled
 * server (dist/src/modules/ui) or from the source (tests under swc-jest).
 */
export function uiBundleDir(): string | null {
  const candidates = [join(__dirname, '..', '..', '..', '..', 'dist-ui'), join(__dirname, '..', '..', '..', 'dist-ui')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Every servable file of the bundle, read once. */
export async function readUiBundle(dir: string): Promise<Map<string, UiFile>> {
  const files = new Map<string, UiFile>();
  for (const name of await readdir(dir)) {
    const type = TYPES[extname(name)];
    if (type) files.set(name, { type, body: await readFile(join(dir, name)) });
  }
  return files;
}

/** The CSP host source of a tile URL template: its scheme and host (a `{s}` subdomain becomes `*`). */
export function tileOrigin(tileUrl: string): string | null {
  const match = /^(https?:\/\/[^/?#]+)/.exec(tileUrl);
  return match ? match[1].replace('{s}', '*') : null;
}
