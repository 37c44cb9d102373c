import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { councilDayOneFacts, councils, systems } from '../db/schema';
import { toFacts } from './snapshot';

/** Every council with its day-one facts (null fields when not recorded): one query. */
export async function listCouncilFacts(db: DatabaseOrTransaction, programmeId: string) {
  const rows = await db
    .select({
      id: councils.id,
      name: councils.name,
      role: councils.role,
      facts: councilDayOneFacts,
      financeSystemName: systems.name
    })
    .from(councils)
    .leftJoin(councilDayOneFacts, eq(councilDayOneFacts.councilId, councils.id))
    .leftJoin(systems, eq(systems.id, councilDayOneFacts.financeSystemId))
    .where(eq(councils.programmeId, programmeId))
    .orderBy(sql`${councils.role} desc`, asc(councils.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    facts: r.facts ? toFacts(r.facts) : null,
    financeSystemName: r.financeSystemName
  }));
}
