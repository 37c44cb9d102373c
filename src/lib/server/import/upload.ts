import { and, eq } from 'drizzle-orm';
import { IMPORT_KINDS, type ImportKind } from '#lib/domain/import/kinds.ts';
import type { DatabaseOrTransaction } from '../db';
import { councils } from '../db/schema';
import { createPendingImport } from './pending';
import { MAX_UPLOAD_BYTES } from './read-file';

/**
 * The upload form: which kind of register, which council it belongs to, and the file. Every
 * refusal is a message for the field at fault and an HTTP status that says why.
 */
export const TOO_LARGE = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split the register into smaller files (for example one per directorate), or remove columns you do not need, and upload each one.`;

export type UploadOutcome =
  | { ok: true; id: string }
  | {
      ok: false;
      status: number;
      errors: Record<string, string>;
      values: Record<string, string>;
    };

/** The body could not be read: too large for the server's limit, or cut off. */
export function unreadableUpload(error: unknown) {
  const status = (error as { status?: number })?.status === 413 ? 413 : 400;
  return {
    status,
    errors: {
      file:
        status === 413
          ? TOO_LARGE
          : 'The upload could not be read: it may have been cut off. Try again.'
    },
    values: {}
  };
}

export async function handleUpload(
  db: DatabaseOrTransaction,
  programmeId: string,
  userId: string,
  data: FormData
): Promise<UploadOutcome> {
  const kind = String(data.get('kind') ?? '');
  const councilId = String(data.get('councilId') ?? '');
  const file = data.get('file');
  const values = { kind, councilId };
  const errors: Record<string, string> = {};
  if (!IMPORT_KINDS.includes(kind as ImportKind)) errors.kind = 'Choose what the file lists';
  const [council] = /^[0-9a-f-]{36}$/i.test(councilId)
    ? await db
        .select({ id: councils.id })
        .from(councils)
        .where(and(eq(councils.id, councilId), eq(councils.programmeId, programmeId)))
    : [];
  if (!council) errors.councilId = 'Choose the council the register belongs to';
  if (!(file instanceof File) || file.size === 0) {
    errors.file =
      file instanceof File && file.name
        ? 'The file is empty.'
        : 'Choose a CSV or Excel file to upload';
  } else if (file.size > MAX_UPLOAD_BYTES) {
    return { ok: false, status: 413, errors: { file: TOO_LARGE }, values };
  }
  if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors, values };

  const upload = file as File;
  const created = await createPendingImport(db, {
    programmeId,
    userId,
    kind: kind as ImportKind,
    councilId,
    fileName: upload.name,
    bytes: new Uint8Array(await upload.arrayBuffer())
  });
  if (!created.ok) {
    return { ok: false, status: 422, errors: { file: created.message }, values };
  }
  return { ok: true, id: created.id };
}
