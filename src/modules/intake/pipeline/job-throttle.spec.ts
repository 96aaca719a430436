import { JobThrottle } from './job-throttle';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('JobThrottle', () => {
  const recorder = () => {
    const jobs: string[][] = [];
    return { jobs, add: async (ids: string[]) => void jobs.push(ids) };
  };

  it('adds the first events at once and those stored within the interval as one job at its end', async () => {
    const { jobs, add } = recorder();
    const throttle = new JobThrottle(60, 50, add);
    throttle.push(['a']);
    expect(jobs).toEqual([['a']]);
    throttle.push(['b']);
    throttle.push(['c', 'd']);
    expect(jobs).toEqual([['a']]);
    await sleep(120);
    expect(jobs).toEqual([['a'], ['b', 'c', 'd']]);
    // Another whole interval has passed since that job: the next event goes at once again.
    await sleep(70);
    throttle.push(['e']);
    expect(jobs).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
  });

  it('splits what waited into jobs of at most maxEvents', async () => {
    const { jobs, add } = recorder();
    const throttle = new JobThrottle(30, 2, add);
    throttle.push(['a']);
    throttle.push(['b', 'c', 'd', 'e', 'f']);
    await sleep(80);
    expect(jobs).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f']]);
  });

  it('adds what waits at once when flushed (shutdown), and nothing later', async () => {
    const { jobs, add } = recorder();
    const throttle = new JobThrottle(50, 50, add);
    throttle.push(['a']);
    throttle.push(['b']);
    await throttle.flush();
    expect(jobs).toEqual([['a'], ['b']]);
    await sleep(100);
    expect(jobs).toHaveLength(2);
  });

  it('with an interval of 0 adds one job per call', () => {
    const { jobs, add } = recorder();
    const throttle = new JobThrottle(0, 50, add);
    throttle.push(['a']);
    throttle.push(['b', 'c']);
    expect(jobs).toEqual([['a'], ['b', 'c']]);
  });
});
