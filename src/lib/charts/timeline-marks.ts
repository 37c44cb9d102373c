import { formatLongDate, type IsoDate } from '#lib/domain/dates.ts';
import type { WarningNote } from '#lib/domain/roadmap/index.ts';

export type MarkerKind = 'vesting' | 'today' | 'horizon' | 'milestone';

export interface TimelineMarker {
  key: string;
  iso: IsoDate;
  label: string;
  kind: MarkerKind;
}

/**
 * The vertical lines of a timeline — vesting day, today, the horizon and each milestone —
 * that fall inside the window drawn, in that order.
 */
export function timelineMarkers(input: {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  vestingDate: IsoDate;
  horizonEnd: IsoDate;
  milestones: { id: string; name: string; date: IsoDate }[];
}): TimelineMarker[] {
  const all: TimelineMarker[] = [
    { key: 'vesting', iso: input.vestingDate, label: 'Vesting day', kind: 'vesting' },
    { key: 'today', iso: input.today, label: 'Today', kind: 'today' },
    { key: 'horizon', iso: input.horizonEnd, label: 'Horizon', kind: 'horizon' },
    ...input.milestones.map((m) => ({
      key: m.id,
      iso: m.date,
      label: m.name,
      kind: 'milestone' as const
    }))
  ];
  return all.filter((m) => m.iso >= input.from && m.iso <= input.to);
}

/** A bar's badge: a problem if any warning on it fails, else a warning if it has any. */
export function barStatus(note: WarningNote | null | undefined): 'fail' | 'warn' | null {
  return note?.status ?? null;
}

/** What a screen reader hears on a bar: its dates, its warnings and the keys that move it. */
export function describeBar(
  item: { title: string; startDate: IsoDate; liveStart: IsoDate; endDate: IsoDate },
  note: WarningNote | null | undefined,
  controls: { editable: boolean; relane: boolean }
): string {
  const parts = [
    item.title,
    `from ${formatLongDate(item.startDate)}`,
    `goes live ${formatLongDate(item.liveStart)}`,
    `handed over ${formatLongDate(item.endDate)}`
  ];
  const count = note?.count ?? 0;
  if (count > 0) parts.push(`${count} ${count === 1 ? 'warning' : 'warnings'}`);
  if (controls.editable)
    parts.push('left and right arrow keys move it a month, with Shift a quarter');
  if (controls.editable && controls.relane) {
    parts.push('Alt with up or down moves it to the next lane');
  }
  parts.push('up and down arrow keys go to the next bar');
  return parts.join(', ');
}

/**
 * A bar's linked contract ends as one path of diamonds above it: a bar can have many, and one
 * element each would be most of what a zoom redraws.
 */
export function contractMarkersPath(markers: { x: number }[], y: number): string {
  return markers.map((m) => `M${m.x},${y - 4}l5,6l-5,6l-5,-6z`).join('');
}

/** The hover text of a bar's contract ends: each contract and the day it ends. */
export function contractMarkersTitle(markers: { reference: string; date: IsoDate }[]): string {
  const ends = markers.map((m) => `${m.reference} ends ${formatLongDate(m.date)}`);
  return ends.length === 1 ? `Contract ${ends[0]}` : `Contracts: ${ends.join('; ')}`;
}
