import { freePort } from './free-port';
import { startServiceProcess, WorkerProcess } from './worker-process';

export interface ApiProcess extends WorkerProcess {
  /** http://127.0.0.1:<port>, for supertest's `request(url)`. */
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts another API process (`node dist/src/main.js` as built by `buildService`, APP_ROLE=api)
 * on a free port with the test app's environment (its database, Redis prefix and secrets), and
 * resolves once its /health answers.
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  const port = await freePort();
  const service = startServiceProcess({ ...env, APP_ROLE: 'api', HOST: '127.0.0.1', PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  const running = () => service.child.exitCode === null && service.child.signalCode === null;
  const stop = async () => {
    if (running()) service.child.kill('SIGTERM');
    await service.exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await healthy(url))) {
    if (!running() || Date.now() > deadline) {
      await stop();
      throw new Error(`the API process did not start\n${service.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { ...service, url, stop };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`);
    await res.text();
    return res.ok;
  } catch {
    return false;
  }
}
