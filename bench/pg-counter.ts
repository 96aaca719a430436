/**
 * Preloaded into the service's processes when the bench runs with `BENCH_PG_COUNT=dir`
 * (`node --require`): counts the statements each process sends to PostgreSQL, by their
 * opening words, and keeps the totals in dir/<role>-<pid>.json, rewritten every second,
 * for the bench to read before and after each step. Every `query` of node-postgres is one
 * round trip (BEGIN and COMMIT included), which is what this counts.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';

const SHAPE_CHARS = 90;

const dir = resolve(process.env.BENCH_PG_COUNT!);
const file = resolve(dir, `${process.env.APP_ROLE ?? 'all'}-${process.pid}.json`);
const counts: Record<string, number> = {};
const SHAPES_KEPT = 10_000;
const shapes = new Map<string, string>();

/** The statement without its parameters' numbers and layout, cut short: TypeORM's multi-row VALUES differ only in length. */
export function shapeOf(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\$\d+/g, '$').trim().slice(0, SHAPE_CHARS);
}

const query = Client.prototype.query as (...args: unknown[]) => unknown;
Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string } | undefined;
  const text = typeof first === 'string' ? first : first?.text;
  if (text) {
    // Statements repeat: their shapes are cached, so counting costs the measured process little.
    let shape = shapes.get(text);
    if (shape === undefined) {
      shape = shapeOf(text);
      if (shapes.size < SHAPES_KEPT) shapes.set(text, shape);
    }
    counts[shape] = (counts[shape] ?? 0) + 1;
  }
  return query.apply(this, args);
} as typeof Client.prototype.query;

mkdirSync(dir, { recursive: true });
// Renamed into place, so the bench never reads half a file; off the event loop, which a
// synchronous write on a busy disk held for milliseconds.
let written = '';
let writing = false;
setInterval(() => {
  const json = JSON.stringify(counts);
  if (json === written || writing) return;
  writing = true;
  void writeFile(`${file}.tmp`, json)
    .then(() => rename(`${file}.tmp`, file))
    .then(() => (written = json))
    .catch(() => undefined)
    .finally(() => (writing = false));
}, 1000).unref();
process.on('exit', () => {
  writeFileSync(`${file}.tmp`, JSON.stringify(counts));
  renameSync(`${file}.tmp`, file);
});
