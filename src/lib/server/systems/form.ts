import type { ActionFailure } from '@sveltejs/kit';
import { fieldErrors } from '#lib/schemas/form.ts';
import { SYSTEM_FORM_FIELDS, systemSchema, type SystemInput } from '#lib/schemas/system.ts';
import { failWith, failWithErrors, readFormFields, type FormFailure } from '../forms';

type Read =
  | { ok: true; fields: Record<string, string>; data: SystemInput }
  | { ok: false; failure: ActionFailure<FormFailure> };

/** The add and change forms: the known fields only, validated; a 400 with messages if not. */
export async function readSystemForm(request: Request): Promise<Read> {
  const all = await readFormFields(request);
  if (!all)
    return { ok: false, failure: failWith('form', 'The form could not be read. Try again.') };
  const fields: Record<string, string> = {};
  for (const name of SYSTEM_FORM_FIELDS) {
    if (typeof all[name] === 'string') fields[name] = all[name];
  }
  const parsed = systemSchema.safeParse(fields);
  if (!parsed.success) {
    return { ok: false, failure: failWithErrors(fieldErrors(parsed.error), fields) };
  }
  return { ok: true, fields, data: parsed.data };
}
