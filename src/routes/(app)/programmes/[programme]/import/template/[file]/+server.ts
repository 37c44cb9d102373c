import { error } from '@sveltejs/kit';
import writeXlsxFile from 'write-excel-file/node';
import { TEMPLATES, templateCsv } from '#lib/domain/import/template.ts';
import { requireProgramme } from '#lib/server/access.ts';
import type { RequestHandler } from './$types';

const FILES: Record<string, { kind: 'contracts' | 'systems'; format: 'csv' | 'xlsx' }> = {
  'contracts.csv': { kind: 'contracts', format: 'csv' },
  'contracts.xlsx': { kind: 'contracts', format: 'xlsx' },
  'systems.csv': { kind: 'systems', format: 'csv' },
  'systems.xlsx': { kind: 'systems', format: 'xlsx' }
};

/** The preferred layout as a file to fill in: headings and one example row. */
export const GET: RequestHandler = async ({ params, locals }) => {
  await requireProgramme(locals.user, params.programme);
  const file = FILES[params.file];
  if (!file) error(404, 'Not found');
  const name = `vesting-day-${file.kind}-template.${file.format}`;
  const disposition = `attachment; filename="${name}"`;
  if (file.format === 'csv') {
    return new Response(templateCsv(file.kind), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition }
    });
  }
  const { headers, example } = TEMPLATES[file.kind];
  const bold = headers.map((value) => ({ value, fontWeight: 'bold' as const }));
  // Every cell as text: Excel would otherwise turn "01234567" into 1234567 and dates into serials.
  const row = example.map((value) => ({ value, type: String, format: '@' }));
  const buffer = await writeXlsxFile([bold, row], {
    columns: headers.map(() => ({ width: 22 }))
  }).toBuffer();
  return new Response(new Uint8Array(buffer), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition
    }
  });
};
