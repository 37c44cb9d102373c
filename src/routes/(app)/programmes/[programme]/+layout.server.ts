import { requireProgramme } from '#lib/server/access.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params }) => {
  const programme = await requireProgramme(locals.user, params.programme);
  const base = `/programmes/${programme.slug}`;
  const editor = programme.role !== 'viewer';
  return {
    programme,
    navigation: [
      { href: base, label: 'Overview' },
      { href: `${base}/checks`, label: 'Readiness' },
      { href: `${base}/councils`, label: 'Councils' },
      { href: `${base}/service-areas`, label: 'Service areas' },
      { href: `${base}/systems`, label: 'Systems' },
      { href: `${base}/contracts`, label: 'Contracts' },
      { href: `${base}/roadmap`, label: 'Roadmap' },
      { href: `${base}/questions`, label: 'Open questions' },
      ...(editor ? [{ href: `${base}/import`, label: 'Import' }] : []),
      { href: `${base}/export`, label: 'Export' },
      { href: `${base}/members`, label: 'Members' },
      { href: `${base}/audit`, label: 'Audit log' }
    ]
  };
};
