import { once } from 'node:events';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Writes report rows to a stream as CSV or XLSX, one batch at a time, waiting when the stream is full. */
export interface TableWriter {
  rows(batch: Record<string, unknown>[]): Promise<void>;
  end(): Promise<void>;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function tableWriter(format: ExportFormat, out: Writable): TableWriter {
  return format === 'csv' ? csvWriter(out) : xlsxWriter(out);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Spreadsheets run a cell starting with = + - @ as a formula: quote it (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvWriter(out: Writable): TableWriter {
  let columns: string[] | null = null;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  return {
    async rows(batch) {
      if (!batch.length) return;
      if (!columns) {
        columns = Object.keys(batch[0]);
        // A BOM so Excel reads the Turkish letters as UTF-8.
        await write(`\uFEFF${columns.join(',')}\r\n`);
      }
      await write(batch.map((row) => columns!.map((c) => cell(row[c])).join(',')).join('\r\n') + '\r\n');
    },
    async end() {
      out.end();
      await once(out, 'finish');
    },
  };
}

function xlsxWriter(out: Writable): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Rapor');
  let headed = false;
  return {
    async rows(batch) {
      if (!batch.length) return;
      if (!headed) {
        sheet.columns = Object.keys(batch[0]).map((key) => ({ header: key, key, width: 18 }));
        headed = true;
      }
      for (const row of batch) sheet.addRow(row).commit();
      // The zip stream writes as rows are committed; wait for the file to take them.
      if (out.writableNeedDrain) await once(out, 'drain');
    },
    async end() {
      await sheet.commit();
      await workbook.commit();
    },
  };
}
