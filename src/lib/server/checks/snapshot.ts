import { and, asc, eq } from 'drizzle-orm';
import {
  contractForChecks,
  DEFAULT_CHECK_SETTINGS,
  type CheckSettings,
  type ChecksSnapshot,
  type CouncilFacts
} from '#lib/domain/checks/index.ts';
import { extensionOptionsOf } from '../contracts/options';
import type { DatabaseOrTransaction } from '../db';
import {
  checkSettings,
  contracts,
  councilDayOneFacts,
  councils,
  councilSecurityControls,
  roadmapItems,
  roadmapScenarios,
  savingsLines,
  securityControls,
  successions,
  systems
} from '../db/schema';

export interface ProgrammeForChecks {
  id: string;
  slug: string;
  name: string;
  vestingDate: string;
  stabilisationMonths: number;
}

/**
 * Everything the checks read, in eleven queries whatever the programme's size (run together),
 * plus the programme's thresholds. Redesigns come from the current roadmap scenario; with no
 * current scenario they are null, which the "day one stays small" check reports as not known.
 */
export async function loadChecksSnapshot(
  db: DatabaseOrTransaction,
  programme: ProgrammeForChecks
): Promise<{ snapshot: ChecksSnapshot; settings: CheckSettings }> {
  const programmeId = programme.id;
  const [
    councilRows,
    links,
    systemRows,
    contractRows,
    options,
    factRows,
    controlRows,
    statusRows,
    savingRows,
    settingRows,
    redesignRows
  ] = await Promise.all([
    db
      .select({
        id: councils.id,
        name: councils.name,
        role: councils.role,
        website: councils.website
      })
      .from(councils)
      .where(eq(councils.programmeId, programmeId)),
    db
      .select({ predecessorId: successions.predecessorId, successorId: successions.successorId })
      .from(successions)
      .innerJoin(councils, eq(councils.id, successions.predecessorId))
      .where(eq(councils.programmeId, programmeId)),
    db
      .select({
        id: systems.id,
        councilId: systems.councilId,
        serviceAreaId: systems.serviceAreaId,
        name: systems.name
      })
      .from(systems)
      .where(eq(systems.programmeId, programmeId)),
    db
      .select({
        id: contracts.id,
        councilId: contracts.councilId,
        reference: contracts.reference,
        title: contracts.title,
        supplierName: contracts.supplierName,
        treatment: contracts.lgrTreatment,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        noticePeriodValue: contracts.noticePeriodValue,
        noticePeriodUnit: contracts.noticePeriodUnit,
        maxEndDate: contracts.maxEndDate
      })
      .from(contracts)
      .where(eq(contracts.programmeId, programmeId)),
    extensionOptionsOf(db, { programmeId }),
    db.select().from(councilDayOneFacts).where(eq(councilDayOneFacts.programmeId, programmeId)),
    db
      .select({ id: securityControls.id, name: securityControls.name })
      .from(securityControls)
      .where(eq(securityControls.programmeId, programmeId))
      .orderBy(asc(securityControls.position), asc(securityControls.name)),
    db
      .select({
        controlId: councilSecurityControls.controlId,
        councilId: councilSecurityControls.councilId,
        status: councilSecurityControls.status,
        evidence: councilSecurityControls.evidence,
        expiryDate: councilSecurityControls.expiryDate
      })
      .from(councilSecurityControls)
      .where(eq(councilSecurityControls.programmeId, programmeId)),
    db
      .select({
        id: savingsLines.id,
        programmeYear: savingsLines.programmeYear,
        category: savingsLines.category,
        description: savingsLines.description,
        amountPence: savingsLines.amountPence
      })
      .from(savingsLines)
      .where(eq(savingsLines.programmeId, programmeId)),
    db.select().from(checkSettings).where(eq(checkSettings.programmeId, programmeId)),
    // The current scenario left-joined to its redesigns: no row at all means no roadmap yet.
    db
      .select({
        scenarioId: roadmapScenarios.id,
        id: roadmapItems.id,
        title: roadmapItems.title,
        serviceAreaId: roadmapItems.serviceAreaId,
        start: roadmapItems.startDate
      })
      .from(roadmapScenarios)
      .leftJoin(
        roadmapItems,
        and(eq(roadmapItems.scenarioId, roadmapScenarios.id), eq(roadmapItems.kind, 'redesign'))
      )
      .where(
        and(eq(roadmapScenarios.programmeId, programmeId), eq(roadmapScenarios.isCurrent, true))
      )
      .orderBy(asc(roadmapItems.startDate), asc(roadmapItems.title))
  ]);

  const snapshot: ChecksSnapshot = {
    programme: {
      slug: programme.slug,
      name: programme.name,
      vestingDate: programme.vestingDate,
      stabilisationMonths: programme.stabilisationMonths
    },
    councils: councilRows,
    successions: links,
    systems: systemRows,
    contracts: contractRows.map((c) =>
      contractForChecks(
        {
          id: c.id,
          councilId: c.councilId,
          reference: c.reference,
          title: c.title,
          supplierName: c.supplierName,
          treatment: c.treatment,
          endDate: c.endDate
        },
        {
          startDate: c.startDate,
          endDate: c.endDate,
          noticePeriodValue: c.noticePeriodValue,
          noticePeriodUnit: c.noticePeriodValue === null ? null : c.noticePeriodUnit,
          maxEndDate: c.maxEndDate,
          extensionOptions: options.get(c.id) ?? []
        }
      )
    ),
    facts: factRows.map(toFacts),
    securityControls: controlRows,
    securityStatuses: statusRows,
    savings: savingRows,
    redesigns:
      redesignRows.length === 0
        ? null
        : redesignRows.flatMap((r) =>
            r.id === null
              ? []
              : [{ id: r.id, title: r.title ?? '', serviceAreaId: r.serviceAreaId, start: r.start }]
          )
  };
  return { snapshot, settings: settingsFrom(settingRows[0]) };
}

export function toFacts(row: typeof councilDayOneFacts.$inferSelect): CouncilFacts {
  return {
    councilId: row.councilId,
    tenancyStatus: row.tenancyStatus,
    tenancyDate: row.tenancyDate,
    financeMove: row.financeMove,
    financeHostCouncilId: row.financeHostCouncilId,
    financeDate: row.financeDate,
    redirectPlan: row.redirectPlan,
    redirectDate: row.redirectDate,
    legacyRouting: row.legacyRouting,
    targetTenant: row.targetTenant,
    financeSystemId: row.financeSystemId,
    websiteUrl: row.websiteUrl,
    websiteGoLive: row.websiteGoLive
  };
}

export function settingsFrom(row: typeof checkSettings.$inferSelect | undefined): CheckSettings {
  if (!row) return { ...DEFAULT_CHECK_SETTINGS };
  return {
    contractHorizonMonths: row.contractHorizonMonths,
    noticeUrgentDays: row.noticeUrgentDays,
    securityExpiryMonths: row.securityExpiryMonths,
    savingsProtectedYears: row.savingsProtectedYears,
    cutoverMarginDays: row.cutoverMarginDays
  };
}
