import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors } from '#lib/schemas/form.ts';

export interface FormFailure {
  errors: Record<string, string>;
  values: Record<string, string>;
}

type Parsed<T> = { ok: true; data: T } | { ok: false; failure: ActionFailure<FormFailure> };

/** Never echoed back to the page. */
const SECRET_FIELDS = new Set(['password', 'confirm', 'current']);

/**
 * Reads a submitted form and validates it with a zod schema. On failure the answer is a 400
 * with one message per field and the safe values to refill the form with.
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S
): Promise<Parsed<z.infer<S>>> {
  const fields = await readFormFields(request);
  if (!fields) {
    return {
      ok: false,
      failure: fail(400, { errors: { form: 'The form could not be read. Try again.' }, values: {} })
    };
  }
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    failure: fail(400, { errors: fieldErrors(parsed.error), values: safeValues(fields) })
  };
}

/**
 * Reads a submitted form; null when the body is not a form. NUL characters are removed from
 * text values: nobody types one, PostgreSQL cannot store one in text, and leaving them in
 * turned a pasted or forged value into a server error (found by the hostile-input suite).
 */
export async function readFormData(request: Request): Promise<FormData | null> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    return null;
  }
  const clean = new FormData();
  for (const [key, value] of data) {
    clean.append(
      key.replaceAll('\u0000', ''),
      typeof value === 'string' ? value.replaceAll('\u0000', '') : value
    );
  }
  return clean;
}

/** The form's text fields (first value of each name); null when the body is not a form. */
export async function readFormFields(request: Request): Promise<Record<string, string> | null> {
  const data = await readFormData(request);
  if (!data) return null;
  const fields: Record<string, string> = {};
  for (const [key, value] of data) {
    if (typeof value === 'string' && !(key in fields)) fields[key] = value;
  }
  return fields;
}

/** Several independent problems at once, for the error summary. */
export function failWithErrors(errors: Record<string, string>, values: Record<string, string>) {
  return fail(400, { errors, values: safeValues(values) });
}

export function failWith(
  field: string,
  message: string,
  values: Record<string, string> = {},
  status = 400
) {
  return fail(status, { errors: { [field]: message }, values: safeValues(values) });
}

function safeValues(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!SECRET_FIELDS.has(key)) out[key] = value.slice(0, 2000);
  }
  return out;
}
