import { EventEmitter } from 'node:events';
import { drainWorker } from './worker-drain';

/** A worker whose graceful close ends when `finish` is called (or never), as BullMQ's waits for its jobs and blocking connection. */
function worker() {
  let finish = () => undefined as void;
  const closes: boolean[] = [];
  const closed = new Promise<void>((resolve) => (finish = resolve));
  return { closes, finish: () => finish(), close: (force = false) => (closes.push(force), force ? Promise.resolve() : closed) };
}

const connection = (status: string) => Object.assign(new EventEmitter(), { status }) as unknown as Parameters<typeof drainWorker>[1] & EventEmitter;

describe('drainWorker', () => {
  it('waits for the jobs in flight while Redis answers', async () => {
    const w = worker();
    const drained = drainWorker(w, connection('ready'), 60_000);
    setTimeout(w.finish, 20);
    await expect(drained).resolves.toBe('closed');
    expect(w.closes).toEqual([false]);
  });

  it('stops waiting when the time is up, though the close never ends (a blocking connection between retries)', async () => {
    const w = worker();
    await expect(drainWorker(w, connection('ready'), 50)).resolves.toBe('time up');
  });

  it('stops waiting when the connection goes away during the close', async () => {
    const w = worker();
    const c = connection('ready');
    const drained = drainWorker(w, c, 60_000);
    setTimeout(() => c.emit('close'), 20);
    await expect(drained).resolves.toBe('connection lost');
  });

  it('closes at once, without waiting, when Redis is not there', async () => {
    const w = worker();
    await expect(drainWorker(w, connection('reconnecting'), 60_000)).resolves.toBe('forced');
    expect(w.closes).toEqual([true]);
  });
});
