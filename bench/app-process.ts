import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { cpuSeconds, rssMb } from './proc';

export interface RunningApp {
  port: number;
  /** Resident memory of the service's processes together. */
  rssMb: () => number;
  /** CPU time the service's processes have used so far, together. */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

export type Topology = 'one-process' | 'api+worker';

/**
 * Starts the built service and waits for /health: one process with the API and the workers
 * (`npm start`), or an API process and a worker process as docker-compose deploys it.
 */
export async function startApp(env: Record<string, string>, port: number, topology: Topology): Promise<RunningApp> {
  const roles = topology === 'one-process' ? ['all'] : ['api', 'worker'];
  const children = roles.map((role) =>
    spawn(process.execPath, [resolve(__dirname, '../dist/src/main.js')], {
      env: { ...process.env, ...env, APP_ROLE: role, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const exited = children.find((c) => c.exitCode !== null);
    if (exited) {
      children.forEach((c) => c.kill('SIGKILL'));
      throw new Error(`a service process exited with ${exited.exitCode}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pids = children.map((c) => c.pid!);
  return {
    port,
    rssMb: () => pids.reduce((sum, pid) => sum + rssMb(pid), 0),
    cpuSeconds: () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    stop: async () => {
      await Promise.all(
        children.map(async (child) => {
          if (child.exitCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
          if (child.exitCode === null) child.kill('SIGKILL');
        }),
      );
    },
  };
}
