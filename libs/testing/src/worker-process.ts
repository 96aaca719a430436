import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Compiles the service as `npm start` runs it, so a child process runs the code under test. */
export function buildService(): void {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'], { cwd: ROOT, stdio: 'pipe' });
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
