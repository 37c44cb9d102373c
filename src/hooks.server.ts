import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { authenticate, requireSignIn } from '$lib/server/auth/handle';
import { securityHeaders } from '$lib/server/security-headers';
import { startApp } from '$lib/server/startup';

export const init: ServerInit = async () => {
  await startApp();
};

export const handle: Handle = sequence(securityHeaders, authenticate, requireSignIn);
