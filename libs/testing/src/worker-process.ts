import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

const LOCK = resolve(ROOT, '.build-lock');
const BUILT = resolve(ROOT, 'dist/.built-for-run');

/**
 * Compiles the service as `npm start` runs it, so a child process runs the code under test —
 * once per test run: suites in parallel workers share one build (under a lock directory), since
 * a second `nest build` empties dist/ under the processes the first one's suite is running.
 */
export function buildService(): void {
  const run = String(process.ppid);
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a run that was killed mid-build: no build takes five minutes.
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmdirSync(LOCK);
      if (waited > 180_000) throw new Error(`${LOCK}: another build held the lock for three minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (existsSync(BUILT) && readFileSync(BUILT, 'utf8') === run) return;
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'], { cwd: ROOT, stdio: 'pipe' });
    writeFileSync(BUILT, run);
  } finally {
    rmdirSync(LOCK);
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves with how the process ended: an exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** Starts `node dist/src/main.js` with APP_ROLE=worker on the test app's database and Redis prefix. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  return startServiceProcess({ ...env, APP_ROLE: 'worker' });
}

/** Starts `node dist/src/main.js` (built by `buildService`) with `env` as its whole environment, PATH aside. */
export function startServiceProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, exited, output: () => output };
}
