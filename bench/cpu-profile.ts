/**
 * Sums up the CPU profiles a bench run wrote with `BENCH_CPU_PROF=dir` (one per service process,
 * in dir/<role>/): `node dist-bench/cpu-profile.js dir [--step sat] [--top 25]`. With `--step`,
 * only the samples taken during that step (its window is in dir/steps.jsonl). For each role it
 * prints where the time went by self time — grouped by package (node_modules), the service's own
 * code, Node's internals, garbage collection — the functions with the most self time, and the
 * service's own functions by inclusive time (what they cost with everything they call).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const dir = resolve(args[0] ?? '.');
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const stepName = option('--step');
const top = Number(option('--top') ?? 25);

function windowOf(name: string): { fromUs: number; toUs: number } {
  const lines = readFileSync(resolve(dir, 'steps.jsonl'), 'utf8').trim().split('\n');
  const step = lines.map((l) => JSON.parse(l) as { name: string; fromUs: number; toUs: number }).find((s) => s.name === name);
  if (!step) throw new Error(`no step ${name} in ${dir}/steps.jsonl`);
  return step;
}

/** Where a frame's code lives: a package, the service's own code, Node itself, or V8's bookkeeping. */
function groupOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/dist/')) return 'service';
  return url;
}

function label({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const where = url ? `${url.replace(/^.*\/(node_modules|dist)\//, '')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

const pct = (n: number, total: number) => `${((n / total) * 100).toFixed(1).padStart(5)} %`;

function summarise(role: string, files: string[], window: { fromUs: number; toUs: number } | null): void {
  const self = new Map<string, number>();
  const groups = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile: Profile = JSON.parse(readFileSync(file, 'utf8'));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    let at = profile.startTime;
    profile.samples.forEach((id, k) => {
      at += profile.timeDeltas[k];
      // A sample stands for the time until the next one.
      const us = profile.timeDeltas[k + 1] ?? 0;
      if (window && (at < window.fromUs || at > window.toUs)) return;
      const node = byId.get(id)!;
      if (node.callFrame.functionName === '(idle)') return;
      total += us;
      self.set(label(node.callFrame), (self.get(label(node.callFrame)) ?? 0) + us);
      groups.set(groupOf(node.callFrame), (groups.get(groupOf(node.callFrame)) ?? 0) + us);
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const frame = byId.get(n)!.callFrame;
        if (groupOf(frame) !== 'service' || !frame.functionName) continue;
        const name = label(frame);
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    });
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`\n== ${role}: ${(total / 1000).toFixed(0)} ms on CPU (idle left out) in ${files.length} profile(s)${window ? ` during step ${stepName}` : ''}`);
  console.log('-- self time by where the code lives');
  for (const [group, us] of sorted(groups).slice(0, top)) console.log(`${pct(us, total)}  ${group}`);
  console.log('-- functions by self time');
  for (const [name, us] of sorted(self).slice(0, top)) console.log(`${pct(us, total)}  ${name}`);
  console.log("-- the service's own functions by inclusive time");
  for (const [name, us] of sorted(inclusive).slice(0, top)) console.log(`${pct(us, total)}  ${name}`);
}

const window = stepName ? windowOf(stepName) : null;
for (const role of readdirSync(dir).filter((n) => statSync(resolve(dir, n)).isDirectory())) {
  const files = readdirSync(resolve(dir, role))
    .filter((n) => n.endsWith('.cpuprofile'))
    .map((n) => resolve(dir, role, n));
  if (files.length) summarise(role, files, window);
}
