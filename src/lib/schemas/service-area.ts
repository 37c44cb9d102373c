import { z } from 'zod';
import { requiredLine } from './text';

export const serviceAreaSchema = z.object({
  name: requiredLine('Name', 120, 'Enter the service area’s name'),
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
