import { uuid } from 'drizzle-orm/pg-core';
import { programmes } from './programmes';

// Apart from columns.ts because it needs the programmes table, which itself uses columns.ts.

/** The programme a row belongs to: required, and deleting the programme deletes the row. */
export const programmeId = () =>
  uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' });
