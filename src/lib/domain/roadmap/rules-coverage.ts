import { currentEnd, maximumEnd } from '../contracts';
import { addYears, compareIsoDates, formatLongDate } from './horizon';
import { durationLabel, monthLabel, monthsBetween } from './months';
import type { RoadmapPlan, RoadmapWarning } from './types';

/** A linked contract running this many months or more past go-live means paying twice. */
export const PAYING_TWICE_MONTHS = 12;
/** A linked contract ending more than this many months before go-live needs bridging. */
export const BRIDGING_TOLERANCE_MONTHS = 2;

/** Service areas with no redesign starting inside the horizon: they never change. */
export function unreachedAreaWarnings(plan: RoadmapPlan): RoadmapWarning[] {
  const horizonEnd = addYears(plan.settings.vestingDate, plan.settings.horizonYears);
  const reached = new Set(
    plan.items
      .filter((i) => i.kind === 'redesign' && compareIsoDates(i.startDate, horizonEnd) < 0)
      .map((i) => i.serviceAreaId)
  );
  const missing = plan.serviceAreas.filter((a) => a.category === 'service' && !reached.has(a.id));
  if (missing.length === 0) return [];
  const names = missing.map((a) => a.name);
  const listed =
    names.length <= 4
      ? names.join(', ')
      : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return [
    {
      id: 'unreached-area',
      rule: 'unreached-area',
      status: 'warn',
      summary: `${missing.length === 1 ? '1 service area is' : `${missing.length} service areas are`} never redesigned before the horizon (${formatLongDate(horizonEnd)}): ${listed}`,
      itemIds: [],
      howToFix:
        'Add a redesign for each, even a late one: until it is reached a service keeps running on its predecessor councils’ systems.'
    }
  ];
}

/** A plan whose last item ends well before the horizon is not yet a decade's plan. */
export function horizonWarnings(plan: RoadmapPlan): RoadmapWarning[] {
  const horizonEnd = addYears(plan.settings.vestingDate, plan.settings.horizonYears);
  if (plan.items.length === 0) {
    return [
      {
        id: 'horizon',
        rule: 'horizon',
        status: 'warn',
        summary: `The roadmap is empty; it should reach the horizon (${formatLongDate(horizonEnd)})`,
        itemIds: [],
        howToFix: 'Add the redesigns and foundation pieces planned after vesting day.'
      }
    ];
  }
  const last = plan.items.reduce((a, b) => (compareIsoDates(a.endDate, b.endDate) >= 0 ? a : b));
  const short = monthsBetween(last.endDate, horizonEnd);
  // Within a year of the horizon counts as reaching it: the far end of a plan is coarse.
  if (short <= 12) return [];
  return [
    {
      id: 'horizon',
      rule: 'horizon',
      status: 'warn',
      summary: `The roadmap stops in ${monthLabel(last.endDate)}, ${durationLabel(short)} short of the horizon (${formatLongDate(horizonEnd)})`,
      itemIds: [last.id],
      howToFix:
        'Plan the later years too, even roughly: the second round of redesigns, and replacing what the first round built.'
    }
  ];
}

/**
 * Contracts linked to a redesign should end around its go-live: years later means paying for
 * old and new at once; long before means the old system needs an extension to bridge the gap.
 */
export function contractWindowWarnings(plan: RoadmapPlan): RoadmapWarning[] {
  const contracts = new Map(plan.contracts.map((c) => [c.id, c]));
  const warnings: RoadmapWarning[] = [];
  for (const item of plan.items) {
    for (const contractId of item.contractIds) {
      const contract = contracts.get(contractId);
      const end = contract && currentEnd(contract);
      if (!contract || !end) continue;
      const goLive = item.liveStart;
      const name = `${contract.reference} (${contract.title})`;
      const past = monthsBetween(goLive, end);
      if (past >= PAYING_TWICE_MONTHS) {
        warnings.push({
          id: `paying-twice:${item.id}:${contract.id}`,
          rule: 'paying-twice',
          status: 'warn',
          summary: `${name} runs until ${formatLongDate(end)}, ${durationLabel(past)} after ${item.title} goes live: paying for the old and the new`,
          itemIds: [item.id],
          howToFix: `Bring go-live closer to the contract’s end, or negotiate an earlier exit from ${contract.reference}.`
        });
        continue;
      }
      const gap = monthsBetween(end, goLive);
      if (gap <= BRIDGING_TOLERANCE_MONTHS) continue;
      const latest = maximumEnd(contract);
      const optionsCover = latest !== null && compareIsoDates(latest, goLive) >= 0;
      const beyondOptions = latest === null ? gap : monthsBetween(latest, goLive);
      warnings.push({
        id: `bridging:${item.id}:${contract.id}`,
        rule: 'bridging',
        status: optionsCover ? 'warn' : 'fail',
        summary: `${name} ends on ${formatLongDate(end)}, ${durationLabel(gap)} before ${item.title} goes live: it needs a ${durationLabel(gap)} extension to bridge the gap`,
        itemIds: [item.id],
        howToFix: optionsCover
          ? `Exercise its extension options (they reach ${formatLongDate(latest!)}), or bring go-live forward.`
          : `Its options are not enough: negotiate ${durationLabel(beyondOptions)} beyond ${latest ? formatLongDate(latest) : 'its end'}, or bring go-live forward.`
      });
    }
  }
  return warnings;
}
