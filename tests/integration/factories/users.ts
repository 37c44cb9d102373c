import { users } from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';
import { hashPassword } from '#lib/server/auth/passwords.ts';

let counter = 0;

export async function createUser(
  db: Database,
  overrides: Partial<{ email: string; password: string; isAdmin: boolean; disabledAt: Date }> = {}
) {
  counter += 1;
  const password = overrides.password ?? 'correct horse battery staple';
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `person${counter}@council.example`,
      displayName: `Person ${counter}`,
      passwordHash: await hashPassword(password),
      isAdmin: overrides.isAdmin ?? false,
      disabledAt: overrides.disabledAt ?? null
    })
    .returning();
  return { ...user!, password };
}
