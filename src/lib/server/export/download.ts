import { tableToCsv, tableToSheet, type ExportTable } from '#lib/domain/export/index.ts';
import { writeSheet } from './xlsx';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** `?format=xlsx` is Excel; anything else (or nothing) is CSV. */
export function exportFormat(params: URLSearchParams): ExportFormat {
  return params.get('format') === 'xlsx' ? 'xlsx' : 'csv';
}

/** The file in either format. Generic: contracts, systems and check results all come here. */
export async function renderTable<Row>(
  table: ExportTable<Row>,
  format: ExportFormat
): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(tableToCsv(table));
  return writeSheet(tableToSheet(table), {
    sheet: table.sheet,
    widths: table.columns.map((c) => c.width)
  });
}

/** A download response: the browser saves it under `fileName` rather than showing it. */
export function downloadResponse(
  body: Uint8Array | string,
  fileName: string,
  contentType: string
): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return new Response(bytes as BodyInit, {
    headers: {
      'content-type': contentType,
      'content-length': String(bytes.byteLength),
      // ASCII file names only (ours are slugs and dates), so no RFC 5987 encoding is needed.
      'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '-')}"`,
      'cache-control': 'private, no-store'
    }
  });
}

/** The table as a file download named like thornshire-demo-contracts-2026-11-27.csv. */
export async function tableDownload<Row>(
  table: ExportTable<Row>,
  format: ExportFormat,
  fileBase: string
): Promise<Response> {
  return downloadResponse(
    await renderTable(table, format),
    `${fileBase}.${format}`,
    CONTENT_TYPES[format]
  );
}
