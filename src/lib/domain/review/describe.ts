import { formatLongDate, type IsoDate } from '../dates';
import { durationLabel, monthLabel, monthsBetween } from '../roadmap/months';
import type { BaselineDiff, ItemDifference } from './baseline-diff';

/**
 * The plan against its approved baseline in plain sentences, ready to paste into a leadership
 * report: one summary sentence, then one sentence per changed item. No markup, no symbols a
 * word processor would mangle.
 */
export interface ApprovalLabel {
  approvedBy: string;
  approvedOn: IsoDate;
}

const laterOrEarlier = (months: number) =>
  `${durationLabel(months)} ${months > 0 ? 'later' : 'earlier'}`;

const list = (names: string[]) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeSummary(diff: BaselineDiff, approval: ApprovalLabel): string {
  const { counts } = diff;
  const changed = diff.items.filter(
    (i) => i.changes.length > 0 && !i.changes.includes('added') && !i.changes.includes('dropped')
  ).length;
  const since = `Since the plan was approved by ${approval.approvedBy} on ${formatLongDate(approval.approvedOn)}`;
  if (changed === 0 && counts.added === 0 && counts.dropped === 0) {
    return `${since}, nothing in it has changed.`;
  }
  const parts = [
    changed > 0 && `${plural(changed, 'item has', 'items have')} changed`,
    counts.added > 0 && `${plural(counts.added, 'item has', 'items have')} been added`,
    counts.dropped > 0 && `${plural(counts.dropped, 'item has', 'items have')} been dropped`
  ].filter((p): p is string => Boolean(p));
  let sentence = `${since}, ${list(parts)}.`;
  const { slip, current } = diff.lastGoLive;
  if (slip !== null && current) {
    sentence +=
      slip === 0
        ? ` The last go-live is still ${monthLabel(current)}.`
        : ` The last go-live is now ${monthLabel(current)}, ${laterOrEarlier(slip)} than approved.`;
  }
  if (diff.goLivesLater > 0) {
    sentence += ` ${plural(diff.goLivesLater, 'go-live has', 'go-lives have')} slipped`;
    sentence += diff.worstSlip
      ? `, the most being ${diff.worstSlip.title} by ${durationLabel(diff.worstSlip.months)}.`
      : '.';
  }
  return sentence;
}

/** One sentence for an item; null when it is as approved. */
export function describeItem(d: ItemDifference): string | null {
  if (d.changes.length === 0) return null;
  if (d.changes.includes('dropped')) {
    return `${d.title} has been dropped from the plan (it was to go live in ${monthLabel(d.baseline!.liveStart)}).`;
  }
  if (d.changes.includes('added')) {
    return `${d.title} has been added: it starts in ${monthLabel(d.current!.startDate)} and goes live in ${monthLabel(d.current!.liveStart)}.`;
  }
  const was = d.baseline!;
  const now = d.current!;
  const parts: string[] = [];
  if (d.changes.includes('renamed')) parts.push(`was called ${d.baselineTitle}`);
  if (d.startSlip) {
    parts.push(
      `starts ${laterOrEarlier(d.startSlip)} (${monthLabel(now.startDate)}, approved ${monthLabel(was.startDate)})`
    );
  }
  if (d.lengthChange) {
    parts.push(
      `takes ${durationLabel(d.lengthChange)} ${d.lengthChange > 0 ? 'longer' : 'less'} (${durationLabel(monthsBetween(now.startDate, now.endDate))} in all)`
    );
  }
  if (d.goLiveSlip) {
    parts.push(
      `goes live ${laterOrEarlier(d.goLiveSlip)} (${monthLabel(now.liveStart)}, approved ${monthLabel(was.liveStart)})`
    );
  } else if (d.startSlip || d.lengthChange) {
    parts.push(`still goes live in ${monthLabel(now.liveStart)}`);
  } else if (d.changes.includes('rephased')) {
    parts.push(`keeps its dates, but its alpha or beta phase now starts at another time`);
  }
  if (d.dependenciesAdded.length) parts.push(`now waits for ${list(d.dependenciesAdded)}`);
  if (d.dependenciesRemoved.length) {
    parts.push(`no longer waits for ${list(d.dependenciesRemoved)}`);
  }
  if (parts.length === 0) return null;
  return `${d.title} ${list(parts)}.`;
}

/** The whole report: the summary, then each changed item, one sentence a line. */
export function describeChanges(diff: BaselineDiff, approval: ApprovalLabel): string[] {
  return [
    describeSummary(diff, approval),
    ...diff.items.flatMap((d) => {
      const s = describeItem(d);
      return s ? [s] : [];
    })
  ];
}
