import { z } from 'zod';
import { councilSchema, type CouncilInput } from '#lib/schemas/council.ts';
import { fieldErrors } from '#lib/schemas/form.ts';
import { lineText, tooLongMessage } from '#lib/schemas/text.ts';
import { failWith, failWithErrors, readFormData } from './forms';

const uuid = z.uuid();
// Refused rather than cut past 300 (the page's input holds no more): a cut could split an
// emoji's surrogate pair and leave half of it.
const noteSchema = lineText('Note on the link').max(300, tooLongMessage('Note on the link', 300));

export type CouncilForm =
  | {
      ok: true;
      notes: Record<string, string>;
      input: Omit<CouncilInput, 'version'>;
      version: number | undefined;
      successorIds: string[];
      fields: Record<string, string>;
    }
  | { ok: false; failure: ReturnType<typeof failWith> };

/** Reads the council form, including the repeated `successors` checkboxes. */
export async function readCouncilForm(request: Request): Promise<CouncilForm> {
  const data = await readFormData(request);
  if (!data)
    return { ok: false, failure: failWith('form', 'The form could not be read. Try again.') };
  const fields: Record<string, string> = {};
  for (const name of ['name', 'role', 'kind', 'gssCode', 'website', 'm365Tenant', 'version']) {
    const value = data.get(name);
    if (typeof value === 'string') fields[name] = value;
  }
  const successorIds = data.getAll('successors').filter((v): v is string => typeof v === 'string');
  const parsed = councilSchema.safeParse(fields);
  const idsValid = successorIds.every((id) => uuid.safeParse(id).success);
  if (!parsed.success || !idsValid) {
    return {
      ok: false,
      failure: failWithErrors(
        {
          ...(parsed.success ? {} : fieldErrors(parsed.error)),
          ...(idsValid ? {} : { successors: 'Choose new councils from the list' })
        },
        { ...fields, successors: successorIds.join(',') }
      )
    };
  }
  // A note per succession link, e.g. "the parishes north of the river".
  const notes: Record<string, string> = {};
  for (const id of successorIds) {
    const note = data.get(`note-${id}`);
    if (typeof note !== 'string') continue;
    fields[`note-${id}`] = note.slice(0, 300);
    const read = noteSchema.safeParse(note);
    if (!read.success) {
      return { ok: false, failure: failWith(`note-${id}`, read.error.issues[0]!.message, fields) };
    }
    if (read.data) notes[id] = read.data;
  }
  const { version, ...input } = parsed.data;
  return { ok: true, input, version, successorIds, notes, fields };
}
