import { eq, getTableColumns, sql, type AnyColumn } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  baselineItems,
  comments,
  commentRevisions,
  contracts,
  councilDayOneFacts,
  councils,
  councilSecurityControls,
  programmes,
  roadmapApprovals,
  roadmapItems,
  roadmapMilestones,
  roadmapScenarios,
  savingsLines,
  securityControls,
  serviceAreas,
  shareLinks,
  successions,
  systems,
  users
} from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';
import { rowsOf } from '../harness';
import type { AccessFixtures } from './access';

/**
 * Characters no stored text should hold, all of which PostgreSQL accepts (it refuses NUL, and
 * a lone surrogate cannot be encoded as UTF-8, so neither can be in the database): vertical
 * tab, escape, SOH (the title), DEL, two C1 controls, and the non-characters U+FFFE
 * and U+FFFF. None of them is a tab or line break, so the kind of field does not matter.
 */
export const POISON = '\u000b\u001b\u0001\u007f\u0085\u009f\ufffe\uffff';

/** Any of them, or any other control character a writer must not let through. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;

/** Every text column a person can fill in, table by table (property names). */
export const PEOPLES_TEXT: [PgTable, ...string[]][] = [
  [programmes, 'name', 'area'],
  [councils, 'name', 'gssCode', 'website', 'm365Tenant'],
  [successions, 'note'],
  [serviceAreas, 'name'],
  [systems, 'name', 'product', 'vendor', 'lifecycle'],
  [
    contracts,
    'reference',
    'title',
    'description',
    'department',
    'supplierName',
    'supplierCompanyNumber',
    'decisionNotes'
  ],
  [roadmapScenarios, 'name', 'description'],
  [roadmapItems, 'title', 'owner', 'notes'],
  [roadmapMilestones, 'name'],
  [comments, 'body'],
  [commentRevisions, 'body'],
  [roadmapApprovals, 'scenarioName', 'approvedBy'],
  [baselineItems, 'title'],
  [securityControls, 'name', 'description'],
  [councilSecurityControls, 'evidence'],
  [savingsLines, 'description'],
  [councilDayOneFacts, 'targetTenant', 'websiteUrl'],
  [shareLinks, 'label'],
  [users, 'displayName']
];

/**
 * Fills in every text field of the access fixtures' programme that they leave empty, so each
 * one has a value to poison and every writer has something to write: a succession with a
 * note, a milestone, a comment with an earlier version, a baseline item, a council's security
 * record, a savings line, the successor's day-one facts, and the contract's notice period so
 * the calendar has its deadline.
 */
export async function fillEveryTextField(db: Database, f: AccessFixtures, programmeId: string) {
  await db.update(programmes).set({ area: 'Matrixshire' }).where(eq(programmes.id, programmeId));
  await db
    .update(councils)
    .set({ gssCode: 'E07000001', website: 'https://matrix.example', m365Tenant: 'mx.example' })
    .where(eq(councils.programmeId, programmeId));
  await db.insert(successions).values({
    predecessorId: f.councilId,
    successorId: f.successorCouncilId,
    note: 'The whole district'
  });
  await db
    .update(systems)
    .set({
      product: 'Matrix ERP',
      vendor: 'Matrix Ltd',
      lifecycle: 'Supported',
      serviceAreaId: f.serviceAreaId
    })
    .where(eq(systems.id, f.systemId));
  await db
    .update(contracts)
    .set({
      description: 'Line one\nline two',
      department: 'Finance',
      supplierCompanyNumber: '01234567',
      decisionNotes: 'Extend to 2029',
      noticePeriodValue: 3,
      noticePeriodUnit: 'months',
      endDate: '2030-06-30'
    })
    .where(eq(contracts.id, f.contractId));
  await db
    .update(roadmapScenarios)
    .set({ description: 'The agreed plan' })
    .where(eq(roadmapScenarios.id, f.scenarioId));
  await db
    .update(roadmapItems)
    .set({ owner: 'Matrix lead', notes: 'Notes one\nnotes two' })
    .where(eq(roadmapItems.id, f.roadmapItemId));
  await db
    .insert(roadmapMilestones)
    .values({ scenarioId: f.scenarioId, name: 'Review', date: '2030-04-01' });
  const [comment] = await db
    .insert(comments)
    .values({
      programmeId,
      targetKind: 'roadmap_item',
      targetId: f.roadmapItemId,
      authorId: f.users.editor.id,
      body: 'Why so long?'
    })
    .returning({ id: comments.id });
  await db.insert(commentRevisions).values({ commentId: comment!.id, body: 'Why?' });
  const [item] = await db.select().from(roadmapItems).where(eq(roadmapItems.id, f.roadmapItemId));
  await db.insert(baselineItems).values({
    approvalId: f.approvalId,
    lineageId: item!.id,
    title: item!.title,
    kind: item!.kind,
    status: item!.status,
    serviceAreaId: item!.serviceAreaId,
    startDate: item!.startDate,
    alphaStart: item!.alphaStart,
    betaStart: item!.betaStart,
    liveStart: item!.liveStart,
    endDate: item!.endDate
  });
  await db
    .update(securityControls)
    .set({ description: 'Multi-factor sign-in' })
    .where(eq(securityControls.id, f.securityControlId));
  await db.insert(councilSecurityControls).values({
    councilId: f.councilId,
    controlId: f.securityControlId,
    programmeId,
    status: 'met',
    evidence: 'Certificate 42'
  });
  await db.insert(savingsLines).values({
    programmeId,
    programmeYear: 3,
    category: 'other',
    description: 'Fewer offices',
    amountPence: 100_000
  });
  await db.insert(councilDayOneFacts).values({
    councilId: f.successorCouncilId,
    programmeId,
    targetTenant: 'matrix.onmicrosoft.com',
    websiteUrl: 'https://www.matrix.example'
  });
}

/**
 * Writes the poison into the middle of every text value (`value` → `value` + POISON + " ctl"),
 * straight into the database as data stored before the text rules would be. Returns how many
 * values were poisoned.
 */
export async function poisonEveryTextField(db: Database): Promise<number> {
  let poisoned = 0;
  for (const [table, ...keys] of PEOPLES_TEXT) {
    const columns = getTableColumns(table) as Record<string, AnyColumn>;
    const set = Object.fromEntries(
      keys.map((key) => [key, sql`${columns[key]} || ${POISON} || ' ctl'`])
    );
    const rows = await db.update(table).set(set).returning();
    poisoned += rows.length * keys.length;
  }
  return poisoned;
}

/** The same characters as CONTROL, as a PostgreSQL regular expression (NUL cannot be stored). */
const STORED_CONTROL =
  '[\\u0001-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufffe\\uffff]';

/** Rows per column that hold a control character, for every text column in the database. */
export async function controlCharactersStored(db: Database): Promise<Record<string, number>> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type = 'text'`
    )
  );
  const found: Record<string, number> = {};
  for (const { table_name, column_name } of columns) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table_name)}
            where ${sql.identifier(column_name)} ~ ${STORED_CONTROL}`
      )
    );
    if (row!.n > 0) found[`${table_name}.${column_name}`] = row!.n;
  }
  return found;
}
