// Bundles the staff UI (src/modules/ui/web, TypeScript + TSX with Preact) into dist-ui/: app.js,
// app.css (every CSS the code imports, Leaflet's too), their source maps and index.html.
// Each file is written beside its place and renamed over it, so a server reading dist-ui while
// another build runs reads whole files. It is not under dist/, which `nest build` empties (a
// test run's second build would take the bundle from under the suites serving it). `--watch` rebuilds on save.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'src/modules/ui/web');
const out = join(root, 'dist-ui');

const options = {
  absWorkingDir: root,
  entryPoints: { app: join(web, 'main.tsx') },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  sourcesContent: true,
  format: 'esm',
  // `await import('./heavy')` becomes a chunk of its own, loaded when first needed.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfig: join(web, 'tsconfig.json'),
  // The browser's face of the domain library: enums, labels, the lifecycle; no Nest.
  alias: { '@app/domain': join(root, 'libs/domain/src/browser.ts') },
  // Images a stylesheet points at (Leaflet's markers and layer icons) are inlined: the CSP allows data:.
  loader: { '.png': 'dataurl', '.svg': 'dataurl', '.gif': 'dataurl', '.jpg': 'dataurl', '.woff2': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Turkish text as it is (served as UTF-8), not \u escapes.
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};

async function writeAtomically(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, contents);
  await rename(tmp, path);
}

async function emit(result) {
  await mkdir(out, { recursive: true });
  for (const file of result.outputFiles ?? []) await writeAtomically(file.path, file.contents);
  const tmp = join(out, `index.html.${process.pid}.tmp`);
  await copyFile(join(web, 'index.html'), tmp);
  await rename(tmp, join(out, 'index.html'));
  // Chunks of earlier builds go (their names change with their content).
  const current = new Set((result.outputFiles ?? []).map((f) => relative(out, f.path)));
  for (const name of await readdir(out)) if (name.startsWith('chunk-') && !current.has(name)) await rm(join(out, name), { force: true });
  const size = (result.outputFiles ?? [])
    .filter((f) => !f.path.endsWith('.map'))
    .map((f) => `${relative(root, f.path)} ${(f.contents.length / 1024).toFixed(0)} kB`);
  console.log(`build-ui: ${size.join(', ')}`);
}

export async function buildUi() {
  await emit(await esbuild.build(options));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--watch')) {
    const ctx = await esbuild.context({
      ...options,
      plugins: [{ name: 'emit', setup: (b) => b.onEnd((r) => (r.errors.length ? undefined : emit(r))) }],
    });
    await ctx.watch();
    console.log('build-ui: watching src/modules/ui/web');
  } else {
    try {
      await buildUi();
    } catch {
      process.exit(1);
    }
  }
}
