import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportedSystem } from '#lib/domain/import/system-rows.ts';
import type { DatabaseOrTransaction, Transaction } from '../db';
import { councils, serviceAreas, systems } from '../db/schema';
import { ITEMS_PER_SLICE, mapWithYields, yieldToOthers } from '../yield';
import { councilKey, locate, readPendingRows, type ImportStatus, type RowIssue } from './evaluate';
import type { ImportCounts, PendingImport } from './pending';

/**
 * A list of systems checked against the programme. Systems have no reference, so a system is
 * the same system when its council and name match (ignoring case): re-importing a list
 * updates those and adds the rest.
 */
type Values = Omit<typeof systems.$inferInsert, 'id' | 'programmeId' | 'councilId' | 'name'>;

export interface SystemRowPlan {
  rowNumber: number;
  councilId: string;
  name: string;
  values: Values;
  status: ImportStatus;
  existingId: string | null;
}

export interface SystemPlan {
  rows: SystemRowPlan[];
  issues: RowIssue[];
  counts: ImportCounts;
  /** Values the mapping fills: the columns an update may change. */
  fields: (keyof Values)[];
}

const nameKey = (councilId: string, name: string) => `${councilId}\u0000${name.toLowerCase()}`;

function valuesOf(record: ImportedSystem, serviceAreaId: string | null | undefined): Values {
  const values: Values = {};
  if (serviceAreaId !== undefined) values.serviceAreaId = serviceAreaId;
  for (const key of [
    'product',
    'vendor',
    'hosting',
    'users',
    'annualCostPence',
    'lifecycle',
    'timeDisposition',
    'dayOneCritical'
  ] as const) {
    if (key in record) (values as Record<string, unknown>)[key] = record[key] ?? null;
  }
  if (values.dayOneCritical === null) values.dayOneCritical = false;
  return values;
}

export async function planSystemImport(
  db: DatabaseOrTransaction,
  pending: PendingImport
): Promise<SystemPlan> {
  const { headers, mapping } = pending;
  const [programmeCouncils, areas] = await Promise.all([
    db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(eq(councils.programmeId, pending.programmeId)),
    db
      .select({ id: serviceAreas.id, name: serviceAreas.name })
      .from(serviceAreas)
      .where(eq(serviceAreas.programmeId, pending.programmeId))
  ]);
  const councilByKey = new Map(programmeCouncils.map((c) => [councilKey(c.name), c.id]));
  const areaByName = new Map(areas.map((a) => [a.name.trim().toLowerCase(), a.id]));
  const issues: RowIssue[] = [];
  const valid: Omit<SystemRowPlan, 'status' | 'existingId'>[] = [];
  const seen = new Map<string, number>();
  const problem = (rowNumber: number, field: string, message: string) =>
    issues.push({ rowNumber, problems: locate('systems', headers, mapping, [{ field, message }]) });

  let seenRows = 0;
  for (const { rowNumber, read } of await readPendingRows(db, 'systems', pending)) {
    if (++seenRows % ITEMS_PER_SLICE === 0) await yieldToOthers();
    if (read.kind !== 'systems') continue;
    if (!read.result.ok) {
      issues.push({
        rowNumber,
        problems: locate('systems', headers, mapping, read.result.problems)
      });
      continue;
    }
    const record = read.result.record;
    let councilId = pending.councilId;
    if (record.councilName) {
      const found = councilByKey.get(councilKey(record.councilName));
      if (!found) {
        problem(
          rowNumber,
          'councilName',
          `There is no council called “${record.councilName}” in this programme`
        );
        continue;
      }
      councilId = found;
    }
    let serviceAreaId: string | null | undefined = undefined;
    if ('serviceAreaName' in record) {
      serviceAreaId = null;
      if (record.serviceAreaName) {
        const found = areaByName.get(record.serviceAreaName.trim().toLowerCase());
        if (!found) {
          problem(
            rowNumber,
            'serviceArea',
            `There is no service area called “${record.serviceAreaName}”: add it on the Service areas page first, or leave the cell blank`
          );
          continue;
        }
        serviceAreaId = found;
      }
    }
    const key = nameKey(councilId, record.name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(rowNumber, 'name', `“${record.name}” is also on row ${earlier} for the same council`);
      continue;
    }
    seen.set(key, rowNumber);
    valid.push({
      rowNumber,
      councilId,
      name: record.name,
      values: valuesOf(record, serviceAreaId)
    });
  }

  const councilIds = [...new Set(valid.map((v) => v.councilId))];
  const existing = councilIds.length
    ? await db.select().from(systems).where(inArray(systems.councilId, councilIds))
    : [];
  const byKey = new Map<string, typeof systems.$inferSelect>();
  for (const s of existing)
    if (!byKey.has(nameKey(s.councilId, s.name))) byKey.set(nameKey(s.councilId, s.name), s);

  const fields = [...new Set(valid.flatMap((v) => Object.keys(v.values)))] as (keyof Values)[];
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const rows = await mapWithYields(valid, (v) => {
    const found = byKey.get(nameKey(v.councilId, v.name));
    const changed =
      found &&
      (found.name !== v.name ||
        Object.entries(v.values).some(
          ([k, value]) => (found[k as keyof typeof found] ?? null) !== (value ?? null)
        ));
    const status: ImportStatus = !found ? 'added' : changed ? 'updated' : 'unchanged';
    counts[status]++;
    return { ...v, status, existingId: found?.id ?? null };
  });
  return { rows, issues, counts, fields };
}

const BATCH = 1000;

/** New systems in multi-row inserts; changed ones one by one (lists of systems are short). */
export async function writeSystemPlan(
  tx: Transaction,
  programmeId: string,
  plan: SystemPlan,
  /** Told the number of rows (of plan.rows) dealt with so far. */
  onProgress: (done: number) => void = () => {}
) {
  const added = plan.rows.filter((r) => r.status === 'added');
  const updated = plan.rows.filter((row) => row.status === 'updated');
  let done = plan.rows.length - added.length - updated.length;
  for (let start = 0; start < added.length; start += BATCH) {
    await tx.insert(systems).values(
      added.slice(start, start + BATCH).map((r) => ({
        programmeId,
        councilId: r.councilId,
        name: r.name,
        ...r.values
      }))
    );
    done += Math.min(BATCH, added.length - start);
    onProgress(done);
    await yieldToOthers();
  }
  for (const r of updated) {
    await tx
      .update(systems)
      .set({
        ...r.values,
        name: r.name,
        updatedAt: new Date(),
        version: sql`${systems.version} + 1`
      })
      .where(and(eq(systems.id, r.existingId!), eq(systems.programmeId, programmeId)));
    if (++done % 100 === 0) onProgress(done);
  }
  onProgress(done);
}
