import type { z } from 'zod';

/** Field errors keyed by input name: the first message for each field, for the error summary. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/** Reads text fields from a submitted form; files and repeated names are ignored. */
export function formFields(data: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = data.get(name);
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
