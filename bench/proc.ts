import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds a process has used (0 once it is gone); with `reaped`, also that of its children that have exited. */
export function cpuSeconds(pid: number, reaped = false): number {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15, cutime 16, cstime 17.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (reaped ? own + Number(fields[13]) + Number(fields[14]) : own) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return Math.round(Number(line?.replace(/\D/g, '') ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by every process whose command is `command` (all PostgreSQL backends,
 * say), and by those of them that have exited: a backend that ends between two readings moves its
 * time to its parent's reaped children's time, so the sum never goes down.
 */
export function cpuSecondsOfCommand(command: string): number {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) sum += cpuSeconds(Number(entry), true);
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}
