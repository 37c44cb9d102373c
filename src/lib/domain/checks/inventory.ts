import type { CheckContext } from './context';
import { countStatuses, plural, statusOf } from './status';
import { describeCounts, finding, SuccessorTally } from './tally';
import type { CheckResult, CheckStatus, Finding } from './types';

/**
 * The other checks are only as good as the inventory: every predecessor has systems
 * recorded (fail otherwise), and systems have a service area and contracts an end date (warn).
 */
export function inventoryCheck(ctx: CheckContext): CheckResult {
  const { snapshot, href } = ctx;
  const findings: Finding[] = [];
  const tally = new SuccessorTally(ctx);
  const systemsPerCouncil = new Map<string, number>();

  for (const s of snapshot.systems) {
    systemsPerCouncil.set(s.councilId, (systemsPerCouncil.get(s.councilId) ?? 0) + 1);
    let status: CheckStatus = 'pass';
    if (s.serviceAreaId === null) {
      status = 'warn';
      findings.push(finding('warn', s.name, href.system(s.id), 'No service area'));
    }
    tally.addForCouncil(s.councilId, status);
  }
  for (const c of snapshot.contracts) {
    let status: CheckStatus = 'pass';
    if (c.endDate === null) {
      status = 'warn';
      findings.push(
        finding('warn', `${c.reference}: ${c.title}`, href.contract(c.id), 'No end date')
      );
    }
    tally.addForCouncil(c.councilId, status);
  }
  for (const p of ctx.predecessors) {
    if (!systemsPerCouncil.has(p.id)) {
      findings.push(finding('fail', p.name, href.council(p.id), 'No systems recorded'));
      tally.add(ctx.successorIdsFor(p.id), 'fail');
    }
    if ((ctx.successorsOf.get(p.id) ?? []).length === 0) {
      findings.push(
        finding('warn', p.name, href.council(p.id), 'Not linked to any successor council')
      );
    }
  }

  const counts = countStatuses(findings.map((f) => f.severity));
  const records = snapshot.systems.length + snapshot.contracts.length;
  return {
    id: 'inventory',
    theme: 'inventory',
    title: 'Inventory complete enough to judge',
    status: ctx.predecessors.length === 0 ? 'unknown' : statusOf(findings),
    summary:
      ctx.predecessors.length === 0
        ? 'No predecessor councils recorded'
        : findings.length === 0
          ? `${plural(snapshot.systems.length, 'system')} and ${plural(snapshot.contracts.length, 'contract')}, none missing key facts`
          : [
              counts.fail && `${plural(counts.fail, 'council')} with no systems`,
              counts.warn && `${plural(counts.warn, 'gap')} in ${plural(records, 'record')}`
            ]
              .filter(Boolean)
              .join('; '),
    findings,
    principle:
      'You cannot keep safe what you have not counted: every council’s systems and contracts need to be on the list.',
    howToFix:
      'Record each predecessor council’s systems, give every system a service area and every contract its end date.',
    perSuccessor: tally.results((c, n) => describeCounts(c, n, 'record'))
  };
}
