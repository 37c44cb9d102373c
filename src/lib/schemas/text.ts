import { z } from 'zod';
import { controlCharacterMessage, normaliseText, type TextKind } from '#lib/domain/text.ts';

/**
 * Every text field of every form, built on the one normaliser (src/lib/domain/text.ts).
 *
 * A form refuses control characters, with a message naming the field, rather than dropping
 * them: the person is at the form and can see the message, and quietly saving something other
 * than what they submitted would surprise them. (An import or a restore removes them instead:
 * there they come in bulk from a file nobody can easily fix, and carry no meaning.) Then the
 * text is normalised (NFC; line breaks as the kind allows) and trimmed.
 *
 * Each helper returns a ZodString, so a field goes on with .min() and .max(), which then
 * measure the normalised text.
 */
type StringParams = Parameters<typeof z.string>[0];

function formText(kind: TextKind, label: string, params?: StringParams) {
  return z
    .string(params)
    .superRefine((value, ctx) => {
      const { removed } = normaliseText(value, kind);
      if (removed.length > 0) {
        ctx.addIssue({ code: 'custom', message: controlCharacterMessage(label, removed) });
      }
    })
    .overwrite((value) => normaliseText(value, kind).text)
    .trim();
}

/** A name, title, reference, code or address: one line (see TextKind). */
export const lineText = (label: string, params?: StringParams) => formText('line', label, params);

/** Notes, a description, a comment: line breaks kept (see TextKind). */
export const multilineText = (label: string, params?: StringParams) =>
  formText('multiline', label, params);

export const tooLongMessage = (label: string, max: number) =>
  `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;

/** A field that must be filled in: `missing` is the message when it is blank. */
export const requiredLine = (label: string, max: number, missing: string) =>
  lineText(label, { error: missing }).min(1, missing).max(max, tooLongMessage(label, max));

/** A field that may be left blank, stored as null then. */
export const optionalLine = (label: string, max: number) =>
  lineText(label)
    .max(max, tooLongMessage(label, max))
    .default('')
    .transform((v) => (v === '' ? null : v));

/** A text area that may be left blank, stored as null then. */
export const optionalMultiline = (label: string, max: number) =>
  multilineText(label)
    .max(max, tooLongMessage(label, max))
    .default('')
    .transform((v) => (v === '' ? null : v));
