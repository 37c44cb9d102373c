import { eq } from 'drizzle-orm';
import { countyWithDistricts } from '$lib/domain/register';
import { createSession } from '$lib/server/auth/sessions';
import { sessionIdFromToken } from '$lib/server/auth/tokens';
import { deleteContract } from '$lib/server/contracts/writes';
import { moveItem } from '$lib/server/roadmap';
import { auditEvents, programmes, roadmapMilestones } from '$lib/server/db/schema';
import type { Database } from '$lib/server/db/types';
import { FIXTURE_PASSWORD, type AccessFixtures, type Actor } from './factories/access';

/**
 * Who may do what: every route and every form action × every kind of person. A route or
 * action missing from this table fails the test, so new ones must state their rule here.
 *
 *   ok        GET 200; POST 200 or 303 (the action ran)
 *   redirect  303 (GET only)
 *   login     GET 303 to /login; POST 401
 *   notFound  404 (non-members must not learn that a programme exists)
 *   forbidden 403 (a member whose role does not allow it)
 */
export type Outcome = 'ok' | 'redirect' | 'login' | 'notFound' | 'forbidden';
type Rule = Record<Actor, Outcome>;
type Payload = (
  f: AccessFixtures,
  actor: Actor,
  db: Database
) => Promise<Record<string, string>> | Record<string, string>;

interface RouteRule {
  path: (f: AccessFixtures) => string;
  get?: Rule;
  actions?: Record<string, { rule: Rule; payload?: Payload }>;
}

const all = (outcome: Outcome): Rule => ({
  anonymous: outcome,
  viewer: outcome,
  editor: outcome,
  owner: outcome,
  admin: outcome,
  outsider: outcome
});
const signedIn = (outcome: Outcome, anonymous: Outcome = 'login'): Rule => ({
  ...all(outcome),
  anonymous
});
const members: Rule = {
  anonymous: 'login',
  viewer: 'ok',
  editor: 'ok',
  owner: 'ok',
  admin: 'notFound',
  outsider: 'notFound'
};
const ownersOnly: Rule = {
  anonymous: 'login',
  viewer: 'forbidden',
  editor: 'forbidden',
  owner: 'ok',
  admin: 'notFound',
  outsider: 'notFound'
};
const editors: Rule = { ...ownersOnly, editor: 'ok' };
const adminsOnly: Rule = {
  anonymous: 'login',
  viewer: 'notFound',
  editor: 'notFound',
  owner: 'notFound',
  admin: 'ok',
  outsider: 'notFound'
};

export const ROUTES: Record<string, RouteRule> = {
  '/': { path: () => '/', get: all('redirect') },
  '/about': { path: () => '/about', get: all('ok') },
  '/healthz': { path: () => '/healthz', get: all('ok') },
  '/readyz': { path: () => '/readyz', get: all('ok') },
  '/(auth)/login': {
    path: () => '/login',
    get: { ...all('redirect'), anonymous: 'ok' },
    actions: {
      default: {
        rule: all('ok'),
        payload: (f) => ({ email: f.users.spare.email, password: FIXTURE_PASSWORD })
      }
    }
  },
  '/(auth)/setup': {
    path: () => '/setup',
    get: all('notFound'),
    actions: {
      default: {
        rule: all('notFound'),
        payload: () => ({
          email: 'new@council.example',
          displayName: 'New',
          password: 'a long new password',
          confirm: 'a long new password'
        })
      }
    }
  },
  '/logout': {
    path: () => '/logout',
    get: signedIn('ok', 'redirect'),
    actions: { default: { rule: all('ok') } }
  },
  '/(app)/account': {
    path: () => '/account',
    get: signedIn('ok'),
    actions: {
      changePassword: {
        rule: signedIn('ok'),
        payload: () => ({
          current: FIXTURE_PASSWORD,
          password: 'an entirely new passphrase',
          confirm: 'an entirely new passphrase'
        })
      },
      endSession: {
        rule: signedIn('ok'),
        payload: async (f, actor, db) => {
          if (actor === 'anonymous') return { sessionId: '0'.repeat(64) };
          const { token } = await createSession(db, f.users[actor].id);
          return { sessionId: sessionIdFromToken(token) };
        }
      }
    }
  },
  '/(app)/admin/users': {
    path: () => '/admin/users',
    get: adminsOnly,
    actions: {
      create: {
        rule: adminsOnly,
        payload: () => ({ email: 'added@council.example', displayName: 'Added person' })
      }
    }
  },
  '/(app)/admin/users/[user]': {
    path: (f) => `/admin/users/${f.users.spare.id}`,
    get: adminsOnly,
    actions: {
      disable: { rule: adminsOnly },
      enable: { rule: adminsOnly },
      resetPassword: { rule: adminsOnly }
    }
  },
  '/(app)/programmes': { path: () => '/programmes', get: signedIn('ok') },
  '/(app)/programmes/new': {
    path: () => '/programmes/new',
    get: signedIn('ok'),
    actions: { default: { rule: signedIn('ok'), payload: () => ({ method: 'blank' }) } }
  },
  '/(app)/programmes/new/example': {
    path: () => '/programmes/new/example',
    get: signedIn('ok'),
    actions: {
      default: { rule: signedIn('ok'), payload: () => ({ reorganisation: 'somerset-2023' }) }
    }
  },
  '/(app)/programmes/new/county': {
    path: () => '/programmes/new/county?county=KEN',
    get: signedIn('ok'),
    actions: {
      default: {
        rule: signedIn('ok'),
        payload: () => {
          const kent = countyWithDistricts('KEN')!;
          const assign = [kent.county, ...kent.districts].map((c) => [`assign-${c.code}`, '0']);
          return {
            name: 'Kent',
            'vestingDate-day': '1',
            'vestingDate-month': '4',
            'vestingDate-year': '2028',
            'successor-0': 'Kent Unitary',
            ...Object.fromEntries(assign)
          };
        }
      }
    }
  },
  '/(app)/programmes/new/blank': {
    path: () => '/programmes/new/blank',
    get: signedIn('ok'),
    actions: {
      default: {
        rule: signedIn('ok'),
        payload: () => ({
          name: 'New programme',
          'vestingDate-day': '1',
          'vestingDate-month': '4',
          'vestingDate-year': '2028'
        })
      }
    }
  },
  '/(app)/programmes/[programme]': { path: (f) => `/programmes/${f.programmeSlug}`, get: members },
  '/(app)/programmes/[programme]/councils': {
    path: (f) => `/programmes/${f.programmeSlug}/councils`,
    get: members
  },
  '/(app)/programmes/[programme]/councils/[council]': {
    path: (f) => `/programmes/${f.programmeSlug}/councils/${f.councilId}`,
    get: editors,
    actions: {
      default: {
        rule: editors,
        payload: () => ({
          name: 'Renamed District Council',
          role: 'predecessor',
          kind: 'district',
          version: '1'
        })
      }
    }
  },
  '/(app)/programmes/[programme]/contracts': {
    path: (f) => `/programmes/${f.programmeSlug}/contracts`,
    get: members
  },
  '/(app)/programmes/[programme]/contracts/new': {
    path: (f) => `/programmes/${f.programmeSlug}/contracts/new`,
    get: editors,
    actions: {
      default: {
        rule: editors,
        payload: (f) => ({
          councilId: f.councilId,
          reference: 'NEW-1',
          title: 'New contract',
          supplierName: 'New Ltd',
          lgrTreatment: 'undecided'
        })
      }
    }
  },
  '/(app)/programmes/[programme]/contracts/[contract]': {
    path: (f) => `/programmes/${f.programmeSlug}/contracts/${f.contractId}`,
    get: members,
    actions: {
      default: {
        rule: editors,
        payload: (f) => ({
          councilId: f.councilId,
          reference: 'MX-1',
          title: 'Changed',
          supplierName: 'Matrix Ltd',
          lgrTreatment: 'extend',
          version: '1'
        })
      }
    }
  },
  '/(app)/programmes/[programme]/contracts/[contract]/delete': {
    path: (f) => `/programmes/${f.programmeSlug}/contracts/${f.contractId}/delete`,
    get: editors,
    actions: { default: { rule: editors, payload: () => ({ version: '1' }) } }
  },
  '/(app)/programmes/[programme]/contracts/bulk': {
    path: (f) => `/programmes/${f.programmeSlug}/contracts/bulk?set=extend`,
    get: editors,
    actions: { default: { rule: editors, payload: (f) => ({ item: `${f.contractId}:1` }) } }
  },
  '/(app)/programmes/[programme]/service-areas': {
    path: (f) => `/programmes/${f.programmeSlug}/service-areas`,
    get: members,
    actions: {
      add: {
        rule: editors,
        payload: () => ({ name: 'Coroners', category: 'service', priority: '3' })
      }
    }
  },
  '/(app)/programmes/[programme]/service-areas/[area]': {
    path: (f) => `/programmes/${f.programmeSlug}/service-areas/${f.serviceAreaId}`,
    get: editors,
    actions: {
      default: {
        rule: editors,
        payload: () => ({
          version: '1',
          name: 'Matrix area',
          category: 'foundation',
          priority: '1'
        })
      }
    }
  },
  '/(app)/programmes/[programme]/service-areas/[area]/delete': {
    path: (f) => `/programmes/${f.programmeSlug}/service-areas/${f.serviceAreaId}/delete`,
    get: editors,
    actions: { default: { rule: editors, payload: () => ({ version: '1' }) } }
  },
  '/(app)/programmes/[programme]/audit': {
    path: (f) => `/programmes/${f.programmeSlug}/audit`,
    get: members,
    actions: {
      restore: {
        rule: ownersOnly,
        payload: async (f, _actor, db) => ({ eventId: String(await deletedContractEvent(db, f)) })
      }
    }
  },
  '/(app)/programmes/[programme]/councils/new': {
    path: (f) => `/programmes/${f.programmeSlug}/councils/new`,
    get: editors,
    actions: {
      default: {
        rule: editors,
        payload: () => ({ name: 'Added District Council', role: 'predecessor', kind: 'district' })
      }
    }
  },
  '/(app)/programmes/[programme]/councils/[council]/delete': {
    // The successor council: nothing depends on it, so an editor may delete it.
    path: (f) => `/programmes/${f.programmeSlug}/councils/${f.successorCouncilId}/delete`,
    get: editors,
    actions: { default: { rule: editors, payload: () => ({ version: '1' }) } }
  },
  '/(app)/programmes/[programme]/systems': {
    path: (f) => `/programmes/${f.programmeSlug}/systems`,
    get: members
  },
  '/(app)/programmes/[programme]/systems/new': {
    path: (f) => `/programmes/${f.programmeSlug}/systems/new`,
    get: editors,
    actions: {
      default: { rule: editors, payload: (f) => ({ name: 'New system', councilId: f.councilId }) }
    }
  },
  '/(app)/programmes/[programme]/systems/matrix': {
    path: (f) => `/programmes/${f.programmeSlug}/systems/matrix`,
    get: members
  },
  '/(app)/programmes/[programme]/systems/[system]': {
    path: (f) => `/programmes/${f.programmeSlug}/systems/${f.systemId}`,
    get: members,
    actions: {
      default: {
        rule: editors,
        payload: (f) => ({ name: 'Renamed system', councilId: f.councilId, version: '1' })
      }
    }
  },
  '/(app)/programmes/[programme]/systems/[system]/delete': {
    path: (f) => `/programmes/${f.programmeSlug}/systems/${f.systemId}/delete`,
    get: editors,
    actions: { default: { rule: editors, payload: () => ({ version: '1' }) } }
  },
  '/(app)/programmes/[programme]/roadmap': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap`,
    get: members,
    actions: {
      move: {
        rule: editors,
        payload: (f) => ({ itemId: f.roadmapItemId, version: '1', ...ROADMAP_SCHEDULE })
      },
      undo: {
        rule: editors,
        payload: async (f, _actor, db) => ({ eventId: String(await movedItemEvent(db, f)) })
      },
      addMilestone: {
        rule: editors,
        payload: (f) => ({ scenarioId: f.scenarioId, name: 'Review', date: '2030-04' })
      },
      deleteMilestone: {
        rule: editors,
        payload: async (f, _actor, db) => {
          const [row] = await db
            .insert(roadmapMilestones)
            .values({ scenarioId: f.scenarioId, name: 'Review', date: '2030-04-01' })
            .returning({ id: roadmapMilestones.id });
          return { milestoneId: row!.id, version: '1' };
        }
      }
    }
  },
  '/(app)/programmes/[programme]/roadmap/items/new': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/items/new`,
    get: editors,
    actions: { default: { rule: editors, payload: () => ROADMAP_ITEM_FORM } }
  },
  '/(app)/programmes/[programme]/roadmap/items/[item]': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/items/${f.roadmapItemId}`,
    get: members,
    actions: { default: { rule: editors, payload: () => ({ ...ROADMAP_ITEM_FORM, version: '1' }) } }
  },
  '/(app)/programmes/[programme]/roadmap/scenarios': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/scenarios`,
    get: members,
    actions: {
      create: { rule: editors, payload: () => ({ name: 'Another plan' }) },
      copy: { rule: editors, payload: (f) => ({ scenarioId: f.scenarioId, name: 'A copy' }) },
      makeCurrent: { rule: editors, payload: (f) => ({ scenarioId: f.scenarioId, version: '1' }) }
    }
  },
  '/(app)/programmes/[programme]/members': {
    path: (f) => `/programmes/${f.programmeSlug}/members`,
    get: members,
    actions: {
      add: { rule: ownersOnly, payload: (f) => ({ email: f.users.spare.email, role: 'viewer' }) },
      changeRole: {
        rule: ownersOnly,
        payload: (f) => ({ userId: f.users.editor.id, role: 'viewer' })
      },
      remove: { rule: ownersOnly, payload: (f) => ({ userId: f.users.viewer.id }) }
    }
  }
};

const ROADMAP_SCHEDULE = {
  startDate: '2029-07-01',
  alphaStart: '2029-10-01',
  betaStart: '2030-04-01',
  liveStart: '2031-01-01',
  endDate: '2031-07-01'
};

const ROADMAP_ITEM_FORM = {
  title: 'Matrix item',
  kind: 'redesign',
  status: 'planned',
  size: 'm',
  startDate: '2029-04',
  alphaStart: '2029-07',
  betaStart: '2030-01',
  liveStart: '2030-10',
  endDate: '2031-04'
};

/** Moves the fixture roadmap item as its owner would, and returns the move's audit event id. */
async function movedItemEvent(db: Database, f: AccessFixtures): Promise<number> {
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, f.programmeSlug));
  const owner = {
    id: f.users.owner.id,
    email: f.users.owner.email,
    displayName: 'Owner',
    isAdmin: false
  };
  const result = await moveItem(
    db,
    owner,
    programme!.id,
    f.roadmapItemId,
    1,
    ROADMAP_SCHEDULE,
    null
  );
  if (!result.ok) throw new Error('could not move the fixture roadmap item');
  return result.eventId;
}

/** Deletes the fixture contract as its owner would, and returns the deletion's audit event id. */
async function deletedContractEvent(db: Database, f: AccessFixtures): Promise<number> {
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, f.programmeSlug));
  const owner = {
    id: f.users.owner.id,
    email: f.users.owner.email,
    displayName: 'Owner',
    isAdmin: false
  };
  const result = await deleteContract(db, owner, programme!.id, f.contractId, 1, null);
  if (!result.ok) throw new Error('could not delete the fixture contract');
  const [event] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'contract_deleted'));
  return event!.id;
}
