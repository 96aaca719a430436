import { Semaphore } from './semaphore';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('runs at most its number of slots at once, the rest in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const release: (() => void)[] = [];
    const started: number[] = [];
    const runs = [0, 1, 2, 3].map((i) =>
      semaphore.run(async () => {
        started.push(i);
        await new Promise<void>((resolve) => release.push(resolve));
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    release[1]();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    release[0]();
    release[2]();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    release[3]();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
  });

  it('frees the slot of a call that fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await semaphore.run(async () => 'next')).toBe('next');
  });
});
