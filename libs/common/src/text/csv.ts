import { once } from 'node:events';
import { Writable } from 'node:stream';

/** Writes rows to a stream one batch at a time, waiting when the stream is full. */
export interface TableWriter {
  rows(batch: Record<string, unknown>[]): Promise<void>;
  end(): Promise<void>;
}

/** One CSV cell, quoted when it must be, never a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Spreadsheets run a cell starting with = + - @ as a formula: quote it (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV with a header of the first row's keys, and a BOM so Excel reads the Turkish letters as UTF-8. */
export function csvWriter(out: Writable): TableWriter {
  let columns: string[] | null = null;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  return {
    async rows(batch) {
      if (!batch.length) return;
      if (!columns) {
        columns = Object.keys(batch[0]);
        await write(`\uFEFF${columns.join(',')}\r\n`);
      }
      await write(batch.map((row) => columns!.map((c) => csvCell(row[c])).join(',')).join('\r\n') + '\r\n');
    },
    async end() {
      out.end();
      await once(out, 'finish');
    },
  };
}
