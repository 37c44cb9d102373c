import { z } from 'zod';

/**
 * The removal confirmation: whether to revoke the share links the member made. A ticked box
 * sends "yes"; an unticked one sends nothing, which keeps them.
 */
export const memberRemovalSchema = z.object({
  revokeShareLinks: z
    .enum(['yes'], { error: 'Tick the box to revoke their share links, or leave it empty' })
    .optional()
    .transform((value) => value === 'yes')
});
