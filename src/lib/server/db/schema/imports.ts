import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { councils } from './programmes';
import { users } from './users';
import { timestamptz, uuidPrimaryKey, createdAt, updatedAt } from './columns';
import { programmeId } from './programme-column';

/**
 * An uploaded register between its steps (mapping, preview, commit): the sheet as read from
 * the file (header and data rows, cells as text, numbers and true/false), never the raw bytes.
 * Only the person who uploaded it may continue it, for a day; committing keeps the counts
 * for the result page and empties the rows.
 */
export const pendingImports = pgTable(
  'pending_imports',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'contracts' or 'systems'. */
    kind: text('kind').notNull(),
    /** The council the register belongs to, for rows without a council column. */
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    /** How the file was read: format, encoding, delimiter, sheet, header row. */
    source: jsonb('source').notNull(),
    headers: jsonb('headers').notNull(),
    /** Data rows: { n: row number in the file, c: cells }. */
    rows: jsonb('rows').notNull(),
    /** Field per column, or null for a column left out. */
    mapping: jsonb('mapping').notNull(),
    /** Added, updated and unchanged counts once committed. */
    result: jsonb('result'),
    createdAt: createdAt(),
    committedAt: timestamptz('committed_at')
  },
  (t) => [index('pending_imports_created_idx').on(t.createdAt)]
);

/**
 * How far a commit has got, for the page that waits on it. Kept apart from `pending_imports`
 * because the commit's transaction locks that row until it ends: this row is written outside
 * that transaction (autocommit, another connection) so another request can read it as it grows.
 * Deleted when the commit ends, either way; the pending import's `result` then says it is done.
 */
export const importProgress = pgTable('import_progress', {
  importId: uuid('import_id')
    .primaryKey()
    .references(() => pendingImports.id, { onDelete: 'cascade' }),
  /** 'reading' (rows checked, outside the transaction) or 'saving' (inside it). */
  stage: text('stage').notNull(),
  /** Rows written so far, of `total`. */
  done: integer('done').notNull(),
  total: integer('total').notNull(),
  updatedAt: updatedAt()
});
