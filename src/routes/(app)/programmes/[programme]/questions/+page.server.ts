import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { sameAppPath } from '#lib/safe-redirect.ts';
import { addCommentSchema, editCommentSchema, resolveSchema } from '#lib/schemas/review.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm, readFormFields } from '#lib/server/forms.ts';
import {
  addComment,
  editComment,
  listOpenQuestions,
  setThreadResolved,
  type CommentResult
} from '#lib/server/review/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  return { questions: await listOpenQuestions(db(), programme) };
};

/**
 * Where to send the browser after a comment: the page it came from, if that is a page of this
 * programme (never another site), else this list.
 */
function returnPath(fields: Record<string, string> | null, slug: string): string {
  const safe = sameAppPath(fields?.returnTo, [`/programmes/${slug}`]);
  return safe ? `${safe.pathname}${safe.search}#comments` : `/programmes/${slug}/questions`;
}

/** The form is read twice (for its return address and by the schema): a clone each time. */
async function read<S extends z.ZodType>(request: Request, schema: S) {
  const fields = await readFormFields(request.clone());
  const parsed = await parseForm(request, schema);
  return { fields, parsed };
}

function outcome(result: CommentResult, to: string) {
  if (result.ok) redirect(303, to);
  return failWith(
    result.field === 'form' ? 'body' : result.field,
    result.message,
    {},
    result.status
  );
}

export const actions: Actions = {
  /** A new thread or a reply: any member, viewers included. */
  add: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'viewer');
    const { fields, parsed } = await read(request, addCommentSchema);
    if (!parsed.ok) return parsed.failure;
    const { targetKind, targetId, parentId, body } = parsed.data;
    const result = await addComment(
      db(),
      locals.user!,
      programme.id,
      { target: { kind: targetKind, id: targetId }, parentId, body },
      getClientAddress()
    );
    return outcome(result, returnPath(fields, programme.slug));
  },

  /** Your own comment only; the earlier text is kept. */
  edit: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'viewer');
    const { fields, parsed } = await read(request, editCommentSchema);
    if (!parsed.ok) return parsed.failure;
    const result = await editComment(
      db(),
      locals.user!,
      programme.id,
      parsed.data,
      getClientAddress()
    );
    return outcome(result, returnPath(fields, programme.slug));
  },

  resolve: (event) => setResolved(event, true),
  reopen: (event) => setResolved(event, false)
};

/** Resolving and reopening a thread differ only in the state they set. */
async function setResolved(
  { request, params, locals, getClientAddress }: RequestEvent,
  resolved: boolean
) {
  const programme = await requireProgramme(locals.user, params.programme!, 'editor');
  const { fields, parsed } = await read(request, resolveSchema);
  if (!parsed.ok) return parsed.failure;
  const result = await setThreadResolved(
    db(),
    locals.user!,
    programme.id,
    { ...parsed.data, resolved },
    getClientAddress()
  );
  return outcome(result, returnPath(fields, programme.slug));
}
