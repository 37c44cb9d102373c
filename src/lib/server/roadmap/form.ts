import type { ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { fieldErrors } from '#lib/schemas/form.ts';
import {
  ROADMAP_ITEM_FORM_FIELDS,
  roadmapItemSchema,
  type RoadmapItemInput
} from '#lib/schemas/roadmap.ts';
import { failWith, failWithErrors, readFormData, type FormFailure } from '../forms';
import type { ItemLinks } from './items';

type Read =
  | { ok: true; fields: Record<string, string>; data: RoadmapItemInput; links: ItemLinks }
  | { ok: false; failure: ActionFailure<FormFailure> };

const ids = z.array(z.uuid()).max(500);

/** The item form: its fields validated, and the ticked dependencies, contracts and systems. */
export async function readItemForm(request: Request): Promise<Read> {
  const data = await readFormData(request);
  if (!data) {
    return { ok: false, failure: failWith('form', 'The form could not be read. Try again.') };
  }
  const fields: Record<string, string> = {};
  for (const name of ROADMAP_ITEM_FORM_FIELDS) {
    const value = data.get(name);
    if (typeof value === 'string') fields[name] = value;
  }
  const list = (name: string) =>
    ids.safeParse([...new Set(data.getAll(name).filter((v) => typeof v === 'string'))]);
  const dependsOn = list('dependsOn');
  const contractIds = list('contractIds');
  const systemIds = list('systemIds');
  const parsed = roadmapItemSchema.safeParse(fields);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (!dependsOn.success) errors.dependsOn = 'Choose items from the list';
  if (!contractIds.success) errors.contractIds = 'Choose contracts from the list';
  if (!systemIds.success) errors.systemIds = 'Choose systems from the list';
  if (!parsed.success || Object.keys(errors).length > 0) {
    return { ok: false, failure: failWithErrors(errors, fields) };
  }
  return {
    ok: true,
    fields,
    data: parsed.data,
    links: {
      dependsOn: dependsOn.data!,
      contractIds: contractIds.data!,
      systemIds: systemIds.data!
    }
  };
}
