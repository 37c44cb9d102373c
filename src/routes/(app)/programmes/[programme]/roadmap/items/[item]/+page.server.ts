import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { evaluateRoadmap } from '#lib/domain/roadmap/index.ts';
import { roleAllowsEdit } from '#lib/roles.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors } from '#lib/server/forms.ts';
import {
  findItem,
  findScenario,
  itemFormOptions,
  loadRoadmap,
  readItemForm,
  undoOffer,
  updateItem
} from '#lib/server/roadmap/index.ts';
import { listThreads } from '#lib/server/review/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params, url }) => {
  const { programme } = await parent();
  const item = uuid.safeParse(params.item).success
    ? await findItem(db(), programme.id, params.item)
    : null;
  if (!item) error(404, 'Not found');
  const [scenario, options, threads] = await Promise.all([
    findScenario(db(), programme.id, item.scenarioId),
    itemFormOptions(db(), programme.id),
    listThreads(db(), programme.id, { kind: 'roadmap_item', id: item.id })
  ]);
  const roadmap = await loadRoadmap(db(), programme, scenario!);
  const links = roadmap.items.find((i) => i.id === item.id)!;
  const dependsOn = roadmap.plan.dependencies
    .filter((d) => d.successorId === item.id)
    .map((d) => d.predecessorId);
  const saved = url.searchParams.get('saved');
  const undoId = Number(url.searchParams.get('undo'));
  const undo =
    roleAllowsEdit(programme.role) && Number.isSafeInteger(undoId) && undoId > 0
      ? await undoOffer(db(), programme.id, undoId)
      : null;
  return {
    undo: undo?.itemId === item.id && undo.available ? undo : null,
    item,
    scenario: { id: scenario!.id, name: scenario!.name, isCurrent: scenario!.isCurrent },
    options,
    otherItems: roadmap.items
      .filter((i) => i.id !== item.id)
      .map((i) => ({ id: i.id, name: i.title })),
    links: { dependsOn, contractIds: links.contractIds, systemIds: links.systemIds },
    warnings: evaluateRoadmap(roadmap.plan).filter((w) => w.itemIds.includes(item.id)),
    threads,
    saved: saved === 'added' || saved === 'changed' ? saved : null
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.item).success) error(404, 'Not found');
    const form = await readItemForm(request);
    if (!form.ok) return form.failure;
    const { version, ...input } = form.data;
    if (version === undefined) {
      return failWithErrors({ form: 'The form is out of date: reload the page' }, form.fields);
    }
    const result = await updateItem(
      db(),
      locals.user!,
      programme.id,
      params.item,
      version,
      input,
      form.links,
      getClientAddress()
    );
    if (result.ok) {
      redirect(
        303,
        `/programmes/${programme.slug}/roadmap/items/${params.item}?saved=changed&undo=${result.eventId}`
      );
    }
    if (result.kind === 'gone') error(404, 'This item has been deleted');
    if (result.kind === 'invalid') return failWith(result.field, result.message, form.fields);
    return fail(409, {
      conflict: { yours: input, theirs: result.current },
      values: {},
      errors: {}
    });
  }
};
