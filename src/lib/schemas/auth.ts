import { z } from 'zod';

export const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .regex(
      /^[^\s@]+@[^\s@]+$/,
      'Enter an email address in the correct format, like name@council.gov.uk'
    ),
  // An upper bound stops a megabyte "password" from tying up the hashing thread.
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(1024, 'Password must be 1024 characters or fewer')
});

export type SignInInput = z.infer<typeof signInSchema>;
