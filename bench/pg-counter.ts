/**
 * Preloaded into the service's processes when the bench runs with `BENCH_PG_COUNT=dir`
 * (`node --require`): counts the statements each process sends to PostgreSQL, by their
 * opening words, with the time from each call to its answer (the round trip, waits on locks
 * and the disk included), and keeps the totals in dir/<role>-<pid>.json, rewritten every
 * second, for the bench to read before and after each step. Every `query` of node-postgres is
 * one round trip (BEGIN and COMMIT included), which is what this counts.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';

const SHAPE_CHARS = 90;

/** Per shape: statements sent, and milliseconds from the call to the answer, summed. */
export type ShapeTotals = Record<string, [count: number, ms: number]>;

const dir = resolve(process.env.BENCH_PG_COUNT!);
const file = resolve(dir, `${process.env.APP_ROLE ?? 'all'}-${process.pid}.json`);
const totals: ShapeTotals = {};
const SHAPES_KEPT = 10_000;
const shapes = new Map<string, string>();

/** The statement without its parameters' numbers and layout, cut short: TypeORM's multi-row VALUES differ only in length. */
export function shapeOf(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\$\d+/g, '$').trim().slice(0, SHAPE_CHARS);
}

function record(shape: string, startedNs: bigint): void {
  totals[shape][1] += Number(process.hrtime.bigint() - startedNs) / 1e6;
}

const query = Client.prototype.query as (...args: unknown[]) => unknown;
Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string } | undefined;
  const text = typeof first === 'string' ? first : first?.text;
  if (!text) return query.apply(this, args);
  // Statements repeat: their shapes are cached, so counting costs the measured process little.
  let shape = shapes.get(text);
  if (shape === undefined) {
    shape = shapeOf(text);
    if (shapes.size < SHAPES_KEPT) shapes.set(text, shape);
  }
  const entry = (totals[shape] ??= [0, 0]);
  entry[0] += 1;
  const started = process.hrtime.bigint();
  const last = args.length - 1;
  // TypeORM passes a callback; other callers await the promise the call returns.
  if (typeof args[last] === 'function') {
    const callback = args[last] as (...result: unknown[]) => unknown;
    args[last] = (...result: unknown[]) => {
      record(shape, started);
      return callback(...result);
    };
    return query.apply(this, args);
  }
  const result = query.apply(this, args);
  if (result instanceof Promise)
    result.then(
      () => record(shape, started),
      () => record(shape, started),
    );
  return result;
} as typeof Client.prototype.query;

mkdirSync(dir, { recursive: true });
// Renamed into place, so the bench never reads half a file; off the event loop, which a
// synchronous write on a busy disk held for milliseconds.
let written = '';
let writing = false;
setInterval(() => {
  const json = JSON.stringify(totals);
  if (json === written || writing) return;
  writing = true;
  void writeFile(`${file}.tmp`, json)
    .then(() => rename(`${file}.tmp`, file))
    .then(() => (written = json))
    .catch(() => undefined)
    .finally(() => (writing = false));
}, 1000).unref();
process.on('exit', () => {
  writeFileSync(`${file}.tmp`, JSON.stringify(totals));
  renameSync(`${file}.tmp`, file);
});
