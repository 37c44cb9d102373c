import { eq } from 'drizzle-orm';
import { addDays, todayUtc } from '#lib/domain/dates.ts';
import { countyWithDistricts } from '#lib/domain/register/index.ts';
import { createSession } from '#lib/server/auth/sessions.ts';
import { sessionIdFromToken } from '#lib/server/auth/tokens.ts';
import { deleteContract } from '#lib/server/contracts/writes.ts';
import { programmeBackupText } from '#lib/server/export/index.ts';
import { moveItem } from '#lib/server/roadmap/index.ts';
import {
  auditEvents,
  calendarFeeds,
  comments,
  programmes,
  roadmapApprovals,
  roadmapMilestones,
  roadmapScenarios,
  savingsLines,
  securityControls,
  shareLinks
} from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';
import { FIXTURE_PASSWORD, type AccessFixtures, type Actor } from './factories/access';
import { acceptForm } from './factories/planner';

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
type Fields = Record<string, string> | FormData;
type Payload = (f: AccessFixtures, actor: Actor, db: Database) => Promise<Fields> | Fields;

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
/** An upload in progress: only the editor who made it (the owner gets 404, as for any id). */
const uploader: Rule = { ...editors, owner: 'notFound' };

/** A one-row register as a multipart upload, as the import form sends it. */
function uploadForm(f: AccessFixtures): FormData {
  const form = new FormData();
  form.set('kind', 'contracts');
  form.set('councilId', f.councilId);
  const csv = 'Reference,Title,Supplier\nUP-1,Uploaded,Upload Ltd\n';
  form.set('file', new File([csv], 'register.csv', { type: 'text/csv' }));
  return form;
}
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
  // Public by token: calendar apps cannot sign in, so the secret address is the credential and
  // a session makes no difference. Unknown and revoked tokens (404) are tested in calendar.test.ts.
  '/calendar/[token].ics': { path: (f) => `/calendar/${f.calendarToken}.ics`, get: all('ok') },
  // Public by token, like the calendar feed: the share link is the credential, so a session
  // makes no difference. Unknown, expired and revoked links are tested in share-links.test.ts.
  '/share/[token]': { path: (f) => `/share/${f.shareToken}`, get: all('ok') },
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
  '/(app)/programmes/new/restore': {
    path: () => '/programmes/new/restore',
    get: signedIn('ok'),
    actions: {
      // Anyone signed in may restore: the result is a new programme they own.
      default: {
        rule: signedIn('ok'),
        payload: async (f, _actor, db) => ({
          backup: await programmeBackupText(db, await programmeIdOf(db, f))
        })
      }
    }
  },
  '/(app)/programmes/[programme]': { path: (f) => `/programmes/${f.programmeSlug}`, get: members },
  '/(app)/programmes/[programme]/export': {
    path: (f) => `/programmes/${f.programmeSlug}/export`,
    get: members
  },
  // Any member may download what they can already read, as CSV or Excel.
  '/(app)/programmes/[programme]/export/contracts': {
    path: (f) => `/programmes/${f.programmeSlug}/export/contracts?format=xlsx&treatment=undecided`,
    get: members
  },
  '/(app)/programmes/[programme]/export/systems': {
    path: (f) => `/programmes/${f.programmeSlug}/export/systems?format=csv`,
    get: members
  },
  // The whole programme in one file is an owner's copy to keep.
  '/(app)/programmes/[programme]/export/backup': {
    path: (f) => `/programmes/${f.programmeSlug}/export/backup`,
    get: ownersOnly
  },
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
  '/(app)/programmes/[programme]/contracts/runway': {
    path: (f) => `/programmes/${f.programmeSlug}/contracts/runway`,
    get: members
  },
  '/(app)/programmes/[programme]/calendar': {
    path: (f) => `/programmes/${f.programmeSlug}/calendar`,
    get: members,
    actions: {
      create: { rule: members },
      revoke: {
        rule: members,
        // Each person turns off only their own address: give the actor one to turn off.
        payload: async (f, actor, db) => {
          // An address belongs to a membership (a foreign key), so only members can have one.
          if (actor === 'anonymous' || actor === 'admin' || actor === 'outsider') return {};
          const [programme] = await db
            .select({ id: programmes.id })
            .from(programmes)
            .where(eq(programmes.slug, f.programmeSlug));
          await db.insert(calendarFeeds).values({
            programmeId: programme!.id,
            userId: f.users[actor].id,
            tokenHash: `matrix-${actor}`
          });
          return {};
        }
      }
    }
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
  '/(app)/programmes/[programme]/import': {
    path: (f) => `/programmes/${f.programmeSlug}/import`,
    get: editors,
    actions: { default: { rule: editors, payload: (f) => uploadForm(f) } }
  },
  '/(app)/programmes/[programme]/import/formats': {
    path: (f) => `/programmes/${f.programmeSlug}/import/formats`,
    get: members
  },
  '/(app)/programmes/[programme]/import/template/[file]': {
    path: (f) => `/programmes/${f.programmeSlug}/import/template/contracts.xlsx`,
    get: members
  },
  '/(app)/programmes/[programme]/import/[upload]': {
    path: (f) => `/programmes/${f.programmeSlug}/import/${f.pendingImportId}`,
    get: uploader,
    actions: {
      default: {
        rule: uploader,
        payload: () => ({
          'column-0': 'reference',
          'column-1': 'title',
          'column-2': 'supplierName'
        })
      }
    }
  },
  '/(app)/programmes/[programme]/import/[upload]/preview': {
    path: (f) => `/programmes/${f.programmeSlug}/import/${f.pendingImportId}/preview`,
    get: uploader,
    actions: { default: { rule: uploader } }
  },
  '/(app)/programmes/[programme]/import/[upload]/progress': {
    path: (f) => `/programmes/${f.programmeSlug}/import/${f.pendingImportId}/progress`,
    get: uploader
  },
  '/(app)/programmes/[programme]/import/[upload]/result': {
    path: (f) => `/programmes/${f.programmeSlug}/import/${f.committedImportId}/result`,
    get: uploader
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
  '/(app)/programmes/[programme]/checks': {
    path: (f) => `/programmes/${f.programmeSlug}/checks`,
    get: members,
    actions: { snapshot: { rule: editors } }
  },
  '/(app)/programmes/[programme]/checks/[check]': {
    path: (f) => `/programmes/${f.programmeSlug}/checks/contracts`,
    get: members
  },
  '/(app)/programmes/[programme]/checks/export': {
    path: (f) => `/programmes/${f.programmeSlug}/checks/export`,
    get: members
  },
  '/(app)/programmes/[programme]/checks/settings': {
    path: (f) => `/programmes/${f.programmeSlug}/checks/settings`,
    get: editors,
    actions: {
      default: {
        rule: editors,
        payload: () => ({
          contractHorizonMonths: '18',
          noticeUrgentDays: '90',
          securityExpiryMonths: '6',
          savingsProtectedYears: '2',
          cutoverMarginDays: '28',
          version: '0'
        })
      }
    }
  },
  '/(app)/programmes/[programme]/checks/facts': {
    path: (f) => `/programmes/${f.programmeSlug}/checks/facts`,
    get: members
  },
  '/(app)/programmes/[programme]/checks/facts/councils/[council]': {
    path: (f) => `/programmes/${f.programmeSlug}/checks/facts/councils/${f.councilId}`,
    get: editors,
    actions: {
      default: {
        rule: editors,
        payload: () => ({ version: '0', tenancyStatus: 'in_target', legacyRouting: 'yes' })
      }
    }
  },
  '/(app)/programmes/[programme]/checks/facts/security': {
    path: (f) => `/programmes/${f.programmeSlug}/checks/facts/security`,
    get: members,
    actions: {
      add: { rule: editors, payload: () => ({ name: 'Matrix control' }) },
      standard: {
        rule: editors,
        // The standard baseline is offered to an empty catalogue only: empty the fixture's.
        payload: async (f, _actor, db) => {
          await db.delete(securityControls).where(eq(securityControls.id, f.securityControlId));
          return {};
        }
      },
      remove: {
        rule: editors,
        payload: async (f, _actor, db) => {
          const [control] = await db
            .insert(securityControls)
            .values({ programmeId: await programmeIdOf(db, f), name: 'To remove' })
            .returning({ id: securityControls.id });
          return { controlId: control!.id, version: '1' };
        }
      }
    }
  },
  '/(app)/programmes/[programme]/checks/facts/security/[council]': {
    path: (f) => `/programmes/${f.programmeSlug}/checks/facts/security/${f.councilId}`,
    get: editors,
    actions: { default: { rule: editors, payload: () => ({}) } }
  },
  '/(app)/programmes/[programme]/checks/facts/security/controls/[control]': {
    path: (f) =>
      `/programmes/${f.programmeSlug}/checks/facts/security/controls/${f.securityControlId}`,
    get: editors,
    actions: {
      default: { rule: editors, payload: () => ({ version: '1', name: 'Renamed in the matrix' }) }
    }
  },
  '/(app)/programmes/[programme]/checks/facts/savings': {
    path: (f) => `/programmes/${f.programmeSlug}/checks/facts/savings`,
    get: members,
    actions: {
      add: {
        rule: editors,
        payload: () => ({
          description: 'Licences',
          programmeYear: '3',
          category: 'digital',
          amount: '£10,000'
        })
      },
      remove: {
        rule: editors,
        payload: async (f, _actor, db) => {
          const [line] = await db
            .insert(savingsLines)
            .values({
              programmeId: await programmeIdOf(db, f),
              programmeYear: 1,
              category: 'other',
              description: 'To remove',
              amountPence: 100
            })
            .returning({ id: savingsLines.id });
          return { lineId: line!.id, version: '1' };
        }
      }
    }
  },
  '/(app)/programmes/[programme]/roadmap': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap`,
    get: members,
    actions: {
      move: {
        rule: editors,
        payload: (f) => ({ itemId: f.roadmapItemId, version: '1', ...ROADMAP_SCHEDULE })
      },
      relane: {
        rule: editors,
        payload: (f) => ({
          itemId: f.roadmapItemId,
          version: '1',
          grouping: 'status',
          lane: 'in_progress'
        })
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
  '/(app)/programmes/[programme]/roadmap/propose': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/propose`,
    get: members,
    actions: {
      accept: { rule: editors, payload: (f, _actor, db) => acceptForm(db, f.programmeSlug) }
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
  '/(app)/programmes/[programme]/roadmap/items/[item]/delete': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/items/${f.roadmapItemId}/delete`,
    get: editors,
    actions: { default: { rule: editors, payload: () => ({ version: '1' }) } }
  },
  '/(app)/programmes/[programme]/roadmap/present': {
    // With an approval to compare with: ghost bars and the changes in words, members only.
    path: (f) =>
      `/programmes/${f.programmeSlug}/roadmap/present?scenario=${f.scenarioId}&baseline=${f.approvalId}`,
    get: members
  },
  // Share links are made and revoked by editors and owners (see the page's load).
  '/(app)/programmes/[programme]/roadmap/share': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/share`,
    get: editors,
    actions: {
      create: {
        rule: editors,
        // A link to an approved baseline (the live plan is `scenario:<id>`).
        payload: (f) => ({
          plan: `approval:${f.approvalId}`,
          label: 'Cabinet',
          expiresOn: addDays(todayUtc(), 10)
        })
      },
      revoke: {
        rule: editors,
        // Each actor revokes a link of their own making, so every run has one to revoke.
        payload: async (f, _actor, db) => {
          const [link] = await db
            .insert(shareLinks)
            .values({
              programmeId: await programmeIdOf(db, f),
              scenarioId: f.scenarioId,
              label: 'To revoke',
              tokenHash: `matrix-share-${crypto.randomUUID()}`,
              expiresOn: '2099-12-31'
            })
            .returning({ id: shareLinks.id });
          return { linkId: link!.id };
        }
      }
    }
  },
  '/(app)/programmes/[programme]/roadmap/export/items': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/export/items?format=xlsx`,
    get: members
  },
  '/(app)/programmes/[programme]/roadmap/timeline.json': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/timeline.json?lanes=status`,
    get: members
  },
  '/(app)/programmes/[programme]/roadmap/export/timeline': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/export/timeline?format=png`,
    get: members
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
  '/(app)/programmes/[programme]/roadmap/scenarios/[scenario]/rename': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/scenarios/${f.scenarioId}/rename`,
    get: editors,
    actions: { default: { rule: editors, payload: () => ({ name: 'Renamed plan', version: '1' }) } }
  },
  // Owners only: a whole scenario goes and cannot be restored. The fixture scenario is made
  // deletable first (another one current, its approval detached).
  '/(app)/programmes/[programme]/roadmap/scenarios/[scenario]/delete': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/scenarios/${f.scenarioId}/delete`,
    get: ownersOnly,
    actions: {
      default: {
        rule: ownersOnly,
        payload: async (f, _actor, db) => {
          await makeScenarioDeletable(db, f);
          return { version: '1' };
        }
      }
    }
  },
  '/(app)/programmes/[programme]/roadmap/approvals': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/approvals`,
    get: members,
    actions: {
      approve: {
        rule: ownersOnly,
        payload: (f) => ({
          scenarioId: f.scenarioId,
          approvedBy: 'the shadow executive',
          'approvedOn-day': '14',
          'approvedOn-month': '2',
          'approvedOn-year': '2028'
        })
      }
    }
  },
  '/(app)/programmes/[programme]/roadmap/approvals/[approval]': {
    path: (f) => `/programmes/${f.programmeSlug}/roadmap/approvals/${f.approvalId}`,
    get: members
  },
  '/(app)/programmes/[programme]/questions': {
    path: (f) => `/programmes/${f.programmeSlug}/questions`,
    get: members,
    actions: {
      // Any member may comment and edit their own comments; editors resolve and reopen.
      add: {
        rule: members,
        payload: (f) => ({ targetKind: 'contract', targetId: f.contractId, body: 'Why extend?' })
      },
      edit: {
        rule: members,
        payload: async (f, actor, db) => ({
          commentId: await insertComment(db, f, actor === 'anonymous' ? null : f.users[actor].id),
          version: '1',
          body: 'Changed my mind'
        })
      },
      resolve: {
        rule: editors,
        payload: async (f, _actor, db) => ({
          commentId: await insertComment(db, f, f.users.viewer.id),
          version: '1'
        })
      },
      reopen: {
        rule: editors,
        payload: async (f, _actor, db) => ({
          commentId: await insertComment(db, f, f.users.viewer.id, new Date()),
          version: '1'
        })
      }
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
      }
    }
  },
  // Removing a member is confirmed on its own page, which lists the share links they made.
  '/(app)/programmes/[programme]/members/[member]/remove': {
    path: (f) => `/programmes/${f.programmeSlug}/members/${f.users.viewer.id}/remove`,
    get: ownersOnly,
    actions: { default: { rule: ownersOnly, payload: () => ({ revokeShareLinks: 'yes' }) } }
  }
};

/** A thread on the fixture contract by `authorId`, resolved when `resolvedAt` is given. */
async function insertComment(
  db: Database,
  f: AccessFixtures,
  authorId: string | null,
  resolvedAt: Date | null = null
): Promise<string> {
  const [row] = await db
    .insert(comments)
    .values({
      programmeId: await programmeIdOf(db, f),
      targetKind: 'contract',
      targetId: f.contractId,
      authorId,
      body: 'Is this needed?',
      resolvedAt
    })
    .returning({ id: comments.id });
  return row!.id;
}

async function programmeIdOf(db: Database, f: AccessFixtures): Promise<string> {
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, f.programmeSlug));
  return programme!.id;
}

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
  const programmeId = await programmeIdOf(db, f);
  const owner = {
    id: f.users.owner.id,
    email: f.users.owner.email,
    displayName: 'Owner',
    isAdmin: false
  };
  const result = await deleteContract(db, owner, programmeId, f.contractId, 1, null);
  if (!result.ok) throw new Error('could not delete the fixture contract');
  const [event] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'contract_deleted'));
  return event!.id;
}

/** Leaves the fixture scenario neither current nor approved, so that it may be deleted. */
async function makeScenarioDeletable(db: Database, f: AccessFixtures) {
  const programmeId = await programmeIdOf(db, f);
  await db
    .update(roadmapScenarios)
    .set({ isCurrent: false })
    .where(eq(roadmapScenarios.id, f.scenarioId));
  await db.insert(roadmapScenarios).values({ programmeId, name: 'Matrix other', isCurrent: true });
  await db
    .update(roadmapApprovals)
    .set({ scenarioId: null })
    .where(eq(roadmapApprovals.scenarioId, f.scenarioId));
}
