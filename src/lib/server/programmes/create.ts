import { like } from 'drizzle-orm';
import { STANDARD_SERVICE_AREAS } from '#lib/domain/service-areas.ts';
import { slugify, uniqueSlug } from '#lib/domain/slug.ts';
import type { IsoDate } from '#lib/domain/dates.ts';
import { recordAudit } from '../audit';
import { insertStandardControls } from '../checks/security';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db';
import { councils, programmeMembers, programmes, serviceAreas, successions } from '../db/schema';

export type CouncilKind = 'county' | 'district' | 'unitary' | 'metropolitan' | 'london_borough';

export interface NewCouncil {
  /** Any id unique within the input; links refer to councils by it. */
  key: string;
  name: string;
  role: 'predecessor' | 'successor';
  kind: CouncilKind;
  gssCode: string | null;
  website?: string | null;
}

export interface NewProgramme {
  name: string;
  area: string;
  vestingDate: IsoDate;
  councils: NewCouncil[];
  links: { predecessor: string; successor: string }[];
  /** How it was made, for the audit trail: 'blank', 'county:KEN', 'example:somerset-2023'. */
  source: string;
}

/**
 * Creates a programme with its creator as owner, the standard service areas, and any councils
 * and succession links, in one transaction with its audit event.
 */
export async function createProgramme(
  db: Database,
  actor: SessionUser,
  input: NewProgramme,
  ipAddress: string | null
): Promise<{ id: string; slug: string }> {
  const keys = new Set(input.councils.map((c) => c.key));
  for (const link of input.links) {
    if (!keys.has(link.predecessor) || !keys.has(link.successor)) {
      throw new Error(
        `Succession link names an unknown council: ${link.predecessor} → ${link.successor}`
      );
    }
  }
  return db.transaction(async (tx) => {
    const base = slugify(input.name);
    const taken = await tx
      .select({ slug: programmes.slug })
      .from(programmes)
      .where(like(programmes.slug, `${base}%`));
    const slug = uniqueSlug(base, new Set(taken.map((t) => t.slug)));
    const [programme] = await tx
      .insert(programmes)
      .values({ name: input.name, area: input.area, slug, vestingDate: input.vestingDate })
      .returning({ id: programmes.id });
    const programmeId = programme!.id;
    await tx.insert(programmeMembers).values({ programmeId, userId: actor.id, role: 'owner' });
    await insertStandardControls(tx, programmeId);
    await tx
      .insert(serviceAreas)
      .values(STANDARD_SERVICE_AREAS.map((a) => ({ programmeId, ...a })));
    if (input.councils.length > 0) {
      const rows = await tx
        .insert(councils)
        .values(
          input.councils.map((c) => ({
            programmeId,
            name: c.name,
            role: c.role,
            kind: c.kind,
            gssCode: c.gssCode,
            website: c.website ?? null
          }))
        )
        .returning({ id: councils.id });
      const idOf = new Map(input.councils.map((c, i) => [c.key, rows[i]!.id]));
      if (input.links.length > 0) {
        await tx.insert(successions).values(
          input.links.map((l) => ({
            predecessorId: idOf.get(l.predecessor)!,
            successorId: idOf.get(l.successor)!
          }))
        );
      }
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'programme',
      entityId: programmeId,
      action: 'programme_created',
      after: {
        name: input.name,
        vestingDate: input.vestingDate,
        source: input.source,
        councils: input.councils.length,
        links: input.links.length
      },
      ipAddress
    });
    return { id: programmeId, slug };
  });
}
