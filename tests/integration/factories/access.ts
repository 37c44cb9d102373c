import { hashPassword } from '#lib/server/auth/passwords.ts';
import { createSession } from '#lib/server/auth/sessions.ts';
import { generateSessionToken, sessionIdFromToken } from '#lib/server/auth/tokens.ts';
import {
  calendarFeeds,
  contracts,
  councils,
  programmeMembers,
  pendingImports,
  programmes,
  roadmapApprovals,
  roadmapItems,
  roadmapScenarios,
  securityControls,
  serviceAreas,
  shareLinks,
  systems,
  users
} from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';

export const ACTORS = ['anonymous', 'viewer', 'editor', 'owner', 'admin', 'outsider'] as const;
export type Actor = (typeof ACTORS)[number];

export const FIXTURE_PASSWORD = 'fixture password for tests';
let sharedHash: Promise<string> | null = null;

export interface AccessFixtures {
  programmeSlug: string;
  /** A predecessor council in the matrix programme. */
  councilId: string;
  /** A service area of the matrix programme, at version 1. */
  serviceAreaId: string;
  /** A successor council of the matrix programme, with nothing depending on it. */
  successorCouncilId: string;
  /** A system of that council, at version 1. */
  systemId: string;
  /** A contract of that council, at version 1. */
  contractId: string;
  /** The viewer's secret calendar address token for the matrix programme. */
  calendarToken: string;
  /** An upload by the editor, mapped and ready to preview and commit (one valid row). */
  pendingImportId: string;
  /** An upload by the editor, already committed. */
  committedImportId: string;
  /** The programme's current roadmap scenario, at version 1. */
  scenarioId: string;
  /** A redesign in that scenario, at version 1. */
  roadmapItemId: string;
  /** A control in the programme's security catalogue, at version 1. */
  securityControlId: string;
  /** A live share link to that scenario's present view. */
  shareToken: string;
  /** An approval of that scenario (its baseline is empty). */
  approvalId: string;
  users: Record<Exclude<Actor, 'anonymous'> | 'spare', { id: string; email: string }>;
  cookieFor(actor: Actor): Promise<string | undefined>;
}

/**
 * One programme with a viewer, an editor and an owner; an administrator who is not a member;
 * an outsider who owns a different programme; and a spare user to act upon.
 */
export async function createAccessFixtures(db: Database): Promise<AccessFixtures> {
  sharedHash ??= hashPassword(FIXTURE_PASSWORD);
  const passwordHash = await sharedHash;
  const names = ['viewer', 'editor', 'owner', 'admin', 'outsider', 'spare'] as const;
  const rows = await db
    .insert(users)
    .values(
      names.map((name) => ({
        email: `${name}@council.example`,
        displayName: `The ${name}`,
        passwordHash,
        isAdmin: name === 'admin'
      }))
    )
    .returning({ id: users.id, email: users.email });
  const byName = Object.fromEntries(
    names.map((name, i) => [name, rows[i]!])
  ) as AccessFixtures['users'];
  const [main, other] = await db
    .insert(programmes)
    .values([
      { name: 'Matrix programme', slug: 'matrix', vestingDate: '2028-04-01' },
      { name: 'Other programme', slug: 'other', vestingDate: '2028-04-01' }
    ])
    .returning({ id: programmes.id });
  await db.insert(programmeMembers).values([
    { programmeId: main!.id, userId: byName.viewer.id, role: 'viewer' },
    { programmeId: main!.id, userId: byName.editor.id, role: 'editor' },
    { programmeId: main!.id, userId: byName.owner.id, role: 'owner' },
    { programmeId: other!.id, userId: byName.outsider.id, role: 'owner' }
  ]);
  const [council, successorCouncil] = await db
    .insert(councils)
    .values([
      {
        programmeId: main!.id,
        name: 'Matrix District Council',
        role: 'predecessor',
        kind: 'district'
      },
      { programmeId: main!.id, name: 'Matrix Unitary Council', role: 'successor', kind: 'unitary' }
    ])
    .returning({ id: councils.id });
  const [contract] = await db
    .insert(contracts)
    .values({
      programmeId: main!.id,
      councilId: council!.id,
      reference: 'MX-1',
      title: 'Matrix contract',
      supplierName: 'Matrix Ltd',
      endDate: '2028-06-30'
    })
    .returning({ id: contracts.id });
  const [area] = await db
    .insert(serviceAreas)
    .values({ programmeId: main!.id, name: 'Matrix area', category: 'service', priority: 2 })
    .returning({ id: serviceAreas.id });
  const [system] = await db
    .insert(systems)
    .values({ programmeId: main!.id, councilId: council!.id, name: 'Matrix system' })
    .returning({ id: systems.id });
  const calendarToken = generateSessionToken();
  await db.insert(calendarFeeds).values({
    programmeId: main!.id,
    userId: byName.viewer.id,
    tokenHash: sessionIdFromToken(calendarToken)
  });
  const upload = {
    programmeId: main!.id,
    userId: byName.editor.id,
    kind: 'contracts',
    councilId: council!.id,
    fileName: 'matrix.csv',
    fileSha256: '0'.repeat(64),
    fileBytes: 40,
    source: { format: 'csv', encoding: 'UTF-8', delimiter: 'comma', headerRow: 1, summaryRows: 0 },
    headers: ['Reference', 'Title', 'Supplier'],
    rows: [{ n: 2, c: ['IMP-1', 'Imported contract', 'Import Ltd'] }],
    mapping: ['reference', 'title', 'supplierName']
  };
  const [pending, committed] = await db
    .insert(pendingImports)
    .values([
      upload,
      {
        ...upload,
        rows: [],
        result: { added: 1, updated: 0, unchanged: 0 },
        committedAt: new Date()
      }
    ])
    .returning({ id: pendingImports.id });
  const [scenario] = await db
    .insert(roadmapScenarios)
    .values({ programmeId: main!.id, name: 'Matrix plan', isCurrent: true })
    .returning({ id: roadmapScenarios.id });
  const [roadmapItem] = await db
    .insert(roadmapItems)
    .values({
      programmeId: main!.id,
      scenarioId: scenario!.id,
      kind: 'redesign',
      title: 'Matrix redesign',
      serviceAreaId: area!.id,
      startDate: '2029-04-01',
      alphaStart: '2029-07-01',
      betaStart: '2030-01-01',
      liveStart: '2030-10-01',
      endDate: '2031-04-01'
    })
    .returning({ id: roadmapItems.id });
  const [control] = await db
    .insert(securityControls)
    .values({ programmeId: main!.id, name: 'Matrix fixture control' })
    .returning({ id: securityControls.id });
  const shareToken = generateSessionToken();
  await db.insert(shareLinks).values({
    programmeId: main!.id,
    scenarioId: scenario!.id,
    label: 'Matrix cabinet',
    tokenHash: sessionIdFromToken(shareToken),
    expiresOn: '2099-12-31'
  });
  const [approval] = await db
    .insert(roadmapApprovals)
    .values({
      programmeId: main!.id,
      scenarioId: scenario!.id,
      scenarioName: 'Matrix plan',
      approvedBy: 'the matrix board',
      approvedOn: '2027-01-15',
      verdict: 'not-enough-data',
      checkResults: []
    })
    .returning({ id: roadmapApprovals.id });
  return {
    shareToken,
    programmeSlug: 'matrix',
    securityControlId: control!.id,
    approvalId: approval!.id,
    pendingImportId: pending!.id,
    committedImportId: committed!.id,
    calendarToken,
    scenarioId: scenario!.id,
    roadmapItemId: roadmapItem!.id,
    systemId: system!.id,
    serviceAreaId: area!.id,
    councilId: council!.id,
    successorCouncilId: successorCouncil!.id,
    contractId: contract!.id,
    users: byName,
    async cookieFor(actor) {
      if (actor === 'anonymous') return undefined;
      const { token } = await createSession(db, byName[actor].id);
      return `vd_session=${token}`;
    }
  };
}
