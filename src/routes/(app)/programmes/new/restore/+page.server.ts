import { fail, redirect } from '@sveltejs/kit';
import { MAX_BACKUP_BYTES } from '#lib/domain/export/backup.ts';
import { backupTooBigMessage } from '#lib/schemas/backup.ts';
import { db } from '#lib/server/db/index.ts';
import { readFormData } from '#lib/server/forms.ts';
import { restoreProgramme } from '#lib/server/export/index.ts';
import { log } from '#lib/server/log.ts';
import { runParseJob } from '#lib/server/workers/run.ts';
import type { Actions } from './$types';

type Failure = {
  errors: Record<string, string>;
  details: string[];
  values: Record<string, string>;
};

const problem = (
  field: string,
  message: string,
  values: Record<string, string>,
  details: string[] = []
) => fail(400, { errors: { [field]: message }, details, values } satisfies Failure);

/**
 * Any signed-in person may restore, as anyone may start a programme at /programmes/new: the
 * result is a new programme they own, so it touches nobody else's data.
 */
export const actions: Actions = {
  default: async ({ request, locals, getClientAddress }) => {
    const data = await readFormData(request);
    if (!data) return problem('backup', 'The upload could not be read. Try again.', {});
    const nameField = data.get('name');
    const name = typeof nameField === 'string' ? nameField.trim() : '';
    const values = { name: name.slice(0, 200) };
    if (name.length > 120) return problem('name', 'Name must be 120 characters or fewer', values);

    // A file from the form; a text field of the same name also works, for scripts.
    const upload = data.get('backup');
    let bytes: Uint8Array;
    let fileName: string;
    if (upload instanceof File && upload.size > 0) {
      if (upload.size > MAX_BACKUP_BYTES) {
        return problem('backup', backupTooBigMessage(upload.size), values);
      }
      bytes = new Uint8Array(await upload.arrayBuffer());
      fileName = upload.name;
    } else if (typeof upload === 'string' && upload.trim() !== '') {
      bytes = new TextEncoder().encode(upload);
      fileName = 'backup.json';
    } else {
      return problem('backup', 'Choose a backup file', values);
    }

    // Parsed and checked in the parse worker (35,000 contracts take seconds to validate); the
    // bytes move there and are not readable here afterwards.
    const read = await runParseJob({ kind: 'backup', bytes });
    if (!read.ok) return problem('backup', read.message, values, read.details);

    let created: { slug: string };
    try {
      created = await restoreProgramme(db(), locals.user!, read.parts, {
        name: name || undefined,
        source: { fileName, sha256: read.sha256 },
        ipAddress: getClientAddress()
      });
    } catch (error) {
      // The checks above should leave nothing for the database to refuse; if it still does,
      // the transaction has rolled back and the person gets a message rather than a 500.
      log.error('Restoring a backup failed', error);
      return problem(
        'backup',
        'The backup could not be restored, and nothing was saved. Check the file is a backup downloaded from Vesting Day.',
        values
      );
    }
    redirect(303, `/programmes/${created.slug}?restored=1`);
  }
};
