import { once } from 'node:events';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvWriter, TableWriter } from '@app/common';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function tableWriter(format: ExportFormat, out: Writable): TableWriter {
  return format === 'csv' ? csvWriter(out) : xlsxWriter(out);
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
