import { z } from 'zod';

export const serviceAreaSchema = z.object({
  name: z
    .string({ error: 'Enter the service area’s name' })
    .trim()
    .min(1, 'Enter the service area’s name')
    .max(120, 'Name must be 120 characters or fewer'),
  category: z.enum(['service', 'foundation'], {
    error: 'Choose whether it is a service or a corporate foundation'
  }),
  priority: z.coerce
    .number({ error: 'Choose a priority' })
    .int()
    .min(1, 'Choose a priority from 1 to 3')
    .max(3, 'Choose a priority from 1 to 3'),
  version: z.coerce.number().int().min(1).optional()
});

export type ServiceAreaInput = Omit<z.infer<typeof serviceAreaSchema>, 'version'>;
