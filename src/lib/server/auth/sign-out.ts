import type { Database } from '../db';
import { recordAudit } from '../audit';
import { invalidateSession } from './sessions';

export async function signOut(
  db: Database,
  session: { id: string; userId: string },
  ipAddress: string | null
) {
  await db.transaction(async (tx) => {
    await invalidateSession(tx, session.id);
    await recordAudit(tx, {
      userId: session.userId,
      entity: 'session',
      entityId: session.id.slice(0, 12),
      action: 'sign_out',
      ipAddress
    });
  });
}
