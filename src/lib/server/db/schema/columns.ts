import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

// Column builders shared by the tables. Each is a function so that every table gets builders
// of its own: Drizzle binds a builder to the table it is built into.

/** A moment in UTC (`timestamptz`), read back as a JS Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The row's random UUID primary key, `id`. */
export const uuidPrimaryKey = () => uuid('id').primaryKey().defaultRandom();

/** When the row was created, set by the database. */
export const createdAt = () => timestamptz('created_at').notNull().defaultNow();

/** When the row last changed; every update sets it. */
export const updatedAt = () => timestamptz('updated_at').notNull().defaultNow();

/**
 * Optimistic locking: an update names the version it read and raises it, so a write over
 * someone else's change is refused with a clear message instead of lost.
 */
export const version = () => integer('version').notNull().default(1);

/** `createdAt`, `updatedAt` and `version`, in that order, for the rows people edit. */
export const editableRowColumns = () => ({
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version()
});
