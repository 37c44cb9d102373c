import { eq } from 'drizzle-orm';
import { createSession } from '#lib/server/auth/sessions.ts';
import { programmeMembers, programmes, users } from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';

type Role = 'owner' | 'editor' | 'viewer';

/**
 * People for a programme, each with a live session cookie. Passwords are not needed: the
 * tests exercise editing, not sign-in (which has its own throttle and tests).
 */
export async function peopleFor(
  db: Database,
  programmeSlug: string,
  count: number,
  role: Role,
  label: string = role
): Promise<{ userId: string; cookie: string }[]> {
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, programmeSlug));
  if (!programme) throw new Error(`No programme ${programmeSlug}`);
  const inserted = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `${label}${i + 1}.${Math.random().toString(36).slice(2, 7)}@council.example`,
        displayName: `${label} ${i + 1}`,
        // Never matches: sign-in is not how these people arrive.
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43)
      }))
    )
    .returning({ id: users.id });
  await db
    .insert(programmeMembers)
    .values(inserted.map((u) => ({ programmeId: programme.id, userId: u.id, role })));
  return Promise.all(
    inserted.map(async (u) => {
      const { token } = await createSession(db, u.id);
      return { userId: u.id, cookie: `vd_session=${token}` };
    })
  );
}
