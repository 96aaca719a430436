import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { cpuSeconds, rssMb } from './proc';

export interface RunningApp {
  /** The first HTTP process's port. */
  port: number;
  /** Every HTTP process's port (`replicas` of them: port, port + 1, …). */
  ports: number[];
  /** Resident memory of the service's processes together. */
  rssMb: () => number;
  /** CPU time the service's processes have used so far, together. */
  cpuSeconds: () => number;
  /** The same by role (`api`, `worker`, or `all` in one process), the replicas of a role together. */
  cpuSecondsByRole: () => Record<string, number>;
  stop: () => Promise<void>;
}

export type Topology = 'one-process' | 'api+worker';

/**
 * A port for a service's HTTP process (and its replicas above it): below Linux's ephemeral range
 * (32768–60999), where the run's own outgoing connections take their local ports; a port drawn in
 * that range now and then was one of them, and the service exited with EADDRINUSE.
 */
export function servicePort(): number {
  return 20_000 + Math.floor(Math.random() * 10_000);
}

/**
 * Node options for looking inside the service's processes during a run (see the README's "Where the intake CPU goes"):
 * `BENCH_CPU_PROF=dir` writes a V8 CPU profile of each process into dir/<role> when it exits (`bench/cpu-profile.ts` sums it up),
 * `BENCH_PG_COUNT=dir` counts each process's PostgreSQL statements into dir (`bench/pg-counter.ts`; the steps print them).
 */
function inspectionOptions(role: string): string[] {
  const options: string[] = [];
  const profiles = process.env.BENCH_CPU_PROF;
  if (profiles) options.push('--cpu-prof', `--cpu-prof-dir=${resolve(profiles, role)}`);
  if (process.env.BENCH_PG_COUNT) options.push(`--require=${resolve(__dirname, 'pg-counter.js')}`);
  return options;
}

/**
 * Starts the built service and waits for /health: one process with the API and the workers
 * (`npm start`), or an API process and a worker process as docker-compose deploys it; `replicas`
 * of each, the HTTP ones on port, port + 1, ….
 */
export async function startApp(env: Record<string, string>, port: number, topology: Topology, replicas = 1): Promise<RunningApp> {
  const roles = topology === 'one-process' ? ['all'] : ['api', 'worker'];
  const ports = Array.from({ length: replicas }, (_, k) => port + k);
  const children = roles.flatMap((role) =>
    ports.map((own) =>
      spawn(process.execPath, [...inspectionOptions(role), resolve(__dirname, '../dist/src/main.js')], {
        env: { ...process.env, ...env, APP_ROLE: role, PORT: String(own), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    ),
  );
  // The last lines each process logged (its logs go to stdout), shown if it exits while starting.
  const tails = children.map((child) => {
    const lines: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      lines.splice(0, Math.max(0, lines.length - 20));
    });
    return lines;
  });
  const healthy = new Set<number>();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && healthy.size < ports.length) {
    const exited = children.find((c) => c.exitCode !== null);
    if (exited) {
      children.forEach((c) => c.kill('SIGKILL'));
      throw new Error(`a service process exited with ${exited.exitCode}; its last lines:\n${tails[children.indexOf(exited)].join('\n')}`);
    }
    for (const own of ports.filter((p) => !healthy.has(p))) {
      try {
        const res = await fetch(`http://127.0.0.1:${own}/health`);
        if (res.status === 200) healthy.add(own);
      } catch {
        // not listening yet
      }
    }
    if (healthy.size < ports.length) await new Promise((r) => setTimeout(r, 200));
  }
  const pids = children.map((c) => c.pid!);
  const roleOf = roles.flatMap((role) => ports.map(() => role));
  return {
    port,
    ports,
    rssMb: () => pids.reduce((sum, pid) => sum + rssMb(pid), 0),
    cpuSeconds: () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    cpuSecondsByRole: () => pids.reduce<Record<string, number>>((by, pid, k) => ({ ...by, [roleOf[k]]: (by[roleOf[k]] ?? 0) + cpuSeconds(pid) }), {}),
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
