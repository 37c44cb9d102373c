import type { IsoDate } from '../dates';
import type { RoadmapRule, RoadmapWarning } from '../roadmap';

/**
 * What the leadership view says beside the timeline: the rules' findings counted by kind and
 * the dates that matter, in order. Pure, so the present page and the share page agree.
 */
export const RULE_LABELS: Record<RoadmapRule, string> = {
  cycle: 'Dependency cycles',
  dependency: 'Dependencies out of order',
  capacity: 'Quarters over capacity',
  'paying-twice': 'Contracts running long past go-live',
  bridging: 'Contracts ending before go-live',
  stabilisation: 'Redesigns before the stabilisation window ends',
  'unreached-area': 'Service areas never reached',
  horizon: 'Roadmap stops short of the horizon'
};

export interface WarningCount {
  rule: RoadmapRule;
  label: string;
  problems: number;
  warnings: number;
}

export interface WarningSummary {
  problems: number;
  warnings: number;
  byRule: WarningCount[];
}

/** Counts by rule, in the order the rules are listed above, leaving out rules with none. */
export function summariseWarnings(list: readonly RoadmapWarning[]): WarningSummary {
  const byRule = (Object.keys(RULE_LABELS) as RoadmapRule[]).flatMap((rule) => {
    const mine = list.filter((w) => w.rule === rule);
    if (mine.length === 0) return [];
    const problems = mine.filter((w) => w.status === 'fail').length;
    return [{ rule, label: RULE_LABELS[rule], problems, warnings: mine.length - problems }];
  });
  const problems = list.filter((w) => w.status === 'fail').length;
  return { problems, warnings: list.length - problems, byRule };
}

export interface KeyDate {
  key: string;
  name: string;
  date: IsoDate;
  kind: 'vesting' | 'milestone' | 'go-live' | 'horizon';
}

/**
 * Vesting day, the scenario's milestones, each item's go-live and the horizon, by date.
 * A milestone on vesting day is vesting day (the seed and the page always add one).
 */
export function keyDates(input: {
  vestingDate: IsoDate;
  horizonEnd: IsoDate;
  milestones: readonly { id: string; name: string; date: IsoDate }[];
  goLives: readonly { id: string; title: string; liveStart: IsoDate }[];
}): KeyDate[] {
  const dates: KeyDate[] = [
    { key: 'vesting', name: 'Vesting day', date: input.vestingDate, kind: 'vesting' },
    ...input.milestones
      .filter((m) => m.date !== input.vestingDate)
      .map((m) => ({ key: m.id, name: m.name, date: m.date, kind: 'milestone' as const })),
    ...input.goLives.map((g) => ({
      key: `live-${g.id}`,
      name: `${g.title} goes live`,
      date: g.liveStart,
      kind: 'go-live' as const
    })),
    { key: 'horizon', name: 'End of the planning horizon', date: input.horizonEnd, kind: 'horizon' }
  ];
  return dates.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
