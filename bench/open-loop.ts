import { Agent, request } from 'node:http';

export interface LoadResult {
  sent: number;
  accepted: number;
  errors: number;
  /** Requests sent again after a connection error. */
  resent: number;
  latenciesMs: number[];
  /** Request i's intended send time, as epoch milliseconds. */
  intendedAt: number[];
  durationMs: number;
}

/**
 * Sends `count` requests at `rate` per second, each at its intended time whether or not the
 * earlier ones have answered (open loop), and measures latency from the intended send time,
 * so a slow server cannot hide its queueing (no coordinated omission). Request i goes to
 * `ports[i % ports.length]` (several API processes, as a load balancer would spread them).
 */
export async function openLoop(
  ports: readonly number[],
  path: string,
  headers: Record<string, string>,
  rate: number,
  count: number,
  body: (i: number) => string,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const latenciesMs: number[] = [];
  const intendedAt: number[] = [];
  let accepted = 0;
  let errors = 0;
  let resent = 0;
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const intended = start + (i * 1000) / rate;
    intendedAt.push(performance.timeOrigin + intended);
    const wait = intended - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const payload = body(i);
    pending.push(
      new Promise<void>((done) => {
        // A connection that fails before an answer (a keep-alive socket the server had just
        // closed) is retried like a provider would, with the same event; latency still counts
        // from the first intended send.
        const send = (attempt: number) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: ports[i % ports.length],
              path,
              method: 'POST',
              agent,
              headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
            },
            (res) => {
              res.resume();
              res.on('end', () => {
                latenciesMs.push(performance.now() - intended);
                if (res.statusCode === 202) accepted += 1;
                else errors += 1;
                done();
              });
            },
          );
          req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
          req.on('error', () => {
            if (attempt < 3) {
              resent += 1;
              send(attempt + 1);
            } else {
              errors += 1;
              done();
            }
          });
          req.end(payload);
        };
        send(1);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { sent: count, accepted, errors, resent, latenciesMs, intendedAt, durationMs: performance.now() - start };
}
