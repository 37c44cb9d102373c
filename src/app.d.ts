import type { Session, SessionUser } from '#lib/server/auth/sessions.ts';

declare global {
  namespace App {
    interface Locals {
      user: SessionUser | null;
      session: Session | null;
      /** Set by the request log; quoted in error pages and logs. */
      requestId: string;
    }
    interface PageData {
      user?: SessionUser | null;
    }
    interface Error {
      message: string;
      /** Quoted to support so an unexpected error can be found in the server log. */
      reference?: string;
    }
  }
  namespace NodeJS {
    interface Process {
      on(event: 'sveltekit:shutdown', listener: (reason: string) => void): this;
      once(event: 'sveltekit:shutdown', listener: (reason: string) => void): this;
    }
  }
}

export {};
