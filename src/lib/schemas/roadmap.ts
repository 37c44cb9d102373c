import { z } from 'zod';
import { isIsoDate } from '#lib/domain/dates.ts';
import {
  ROADMAP_ITEM_KINDS,
  ROADMAP_SIZES,
  ROADMAP_STATUSES,
  SCHEDULE_FIELDS,
  SCHEDULE_LABELS,
  scheduleProblems,
  type Schedule
} from '#lib/domain/roadmap/index.ts';
import { optionalLine, optionalMultiline, requiredLine } from './text';

export { itemFormValues, SCHEDULE_LABELS } from '#lib/domain/roadmap/index.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
];

/**
 * A month as people type it, read as its first day: "2029-04" (what a month picker sends),
 * "04/2029", "April 2029" or "Apr 2029". A full date is accepted too and kept as it is.
 */
export function parseMonth(text: string): string | null {
  const v = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(v);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${(m[3] ?? '1').padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  m = /^(\d{1,2})\s*[/.\s]\s*(\d{4})$/.exec(v);
  if (m) {
    const iso = `${m[2]}-${m[1]!.padStart(2, '0')}-01`;
    return isIsoDate(iso) ? iso : null;
  }
  m = /^([a-z]+)\.?\s+(\d{4})$/.exec(v);
  if (m && m[1]!.length >= 3) {
    const index = MONTHS.findIndex((name) => name.startsWith(m![1]!));
    return index === -1 ? null : `${m[2]}-${String(index + 1).padStart(2, '0')}-01`;
  }
  return null;
}

const month = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .transform((v, ctx) => {
      const iso = parseMonth(v.slice(0, 40));
      if (iso) return iso;
      ctx.addIssue({
        code: 'custom',
        message: `Enter ${label} as a month and year, like April 2029`
      });
      return z.NEVER;
    });

const optionalId = (message: string) =>
  z
    .string()
    .default('')
    .transform((v) => (v === '' ? null : v))
    .pipe(z.uuid({ error: message }).nullable());

/** The schedule as a form sends it; each field names its own problem. */
const scheduleShape = {
  startDate: month('when discovery starts'),
  alphaStart: month('when alpha starts'),
  betaStart: month('when beta starts'),
  liveStart: month('when it goes live'),
  endDate: month('when it is handed over')
};

function refineSchedule(s: Schedule, ctx: z.RefinementCtx) {
  for (const [field, message] of Object.entries(scheduleProblems(s))) {
    ctx.addIssue({ code: 'custom', path: [field], message });
  }
}

const version = z.coerce.number().int().min(1).optional();

export const roadmapItemSchema = z
  .object({
    title: requiredLine('Title', 200, 'Enter a title'),
    kind: z.enum(ROADMAP_ITEM_KINDS, {
      error: 'Choose whether this is a redesign or a foundation'
    }),
    serviceAreaId: optionalId('Choose a service area from the list'),
    councilId: optionalId('Choose a council from the list'),
    status: z.enum(ROADMAP_STATUSES, { error: 'Choose a status' }),
    owner: optionalLine('Owner', 200),
    size: z.enum(ROADMAP_SIZES, { error: 'Choose a size' }),
    notes: optionalMultiline('Notes', 4000),
    ...scheduleShape,
    version
  })
  .superRefine(refineSchedule);

export type RoadmapItemInput = z.infer<typeof roadmapItemSchema>;
export type RoadmapItemFields = Omit<RoadmapItemInput, 'version'>;

/** A drag or a key press: the whole schedule at once, and the version it was made against. */
export const moveSchema = z
  .object({
    itemId: z.uuid({ error: 'Choose an item' }),
    version: z.coerce.number({ error: 'The page is out of date: reload it' }).int().min(1),
    ...Object.fromEntries(
      SCHEDULE_FIELDS.map((f) => [
        f,
        z.string().refine(isIsoDate, { error: `${SCHEDULE_LABELS[f]}: enter a real date` })
      ])
    )
  } as {
    itemId: z.ZodUUID;
    version: z.ZodCoercedNumber;
  } & Record<(typeof SCHEDULE_FIELDS)[number], z.ZodString>)
  .superRefine((v, ctx) => refineSchedule(v as unknown as Schedule, ctx));

export const ROADMAP_ITEM_FORM_FIELDS = [
  'title',
  'kind',
  'serviceAreaId',
  'councilId',
  'status',
  'owner',
  'size',
  'notes',
  ...SCHEDULE_FIELDS,
  'version'
] as const;

export const scenarioNameSchema = requiredLine('Name', 120, 'Enter a name for the scenario');

export const milestoneSchema = z.object({
  scenarioId: z.uuid({ error: 'Choose a scenario' }),
  name: requiredLine('Name', 120, 'Enter a name for the milestone'),
  date: month('the month of the milestone')
});

/**
 * A bar dropped in another lane: the lane's key for the grouping the timeline shows. "none"
 * is the lane of items with no service area, "all" that of items for every new council.
 */
export const relaneSchema = z.object({
  itemId: z.uuid({ error: 'Choose an item' }),
  version: z.coerce.number({ error: 'The page is out of date: reload it' }).int().min(1),
  grouping: z.enum(['area', 'council', 'status'], { error: 'Choose how the lanes are grouped' }),
  lane: z.string({ error: 'Choose a lane' }).trim().min(1, 'Choose a lane').max(64)
});
export type RelaneInput = z.infer<typeof relaneSchema>;

/** The change a lane means for an item, or a message when the lane is not one of its kind. */
export function laneChange(
  input: Pick<RelaneInput, 'grouping' | 'lane'>
):
  | { ok: true; change: Partial<Pick<RoadmapItemFields, 'serviceAreaId' | 'councilId' | 'status'>> }
  | { ok: false; message: string } {
  const { grouping, lane } = input;
  if (grouping === 'status') {
    const status = z.enum(ROADMAP_STATUSES).safeParse(lane);
    return status.success
      ? { ok: true, change: { status: status.data } }
      : { ok: false, message: 'Choose a status' };
  }
  const none = grouping === 'area' ? 'none' : 'all';
  const id = lane === none ? null : z.uuid().safeParse(lane).success ? lane : undefined;
  if (id === undefined) {
    return {
      ok: false,
      message: grouping === 'area' ? 'Choose a service area' : 'Choose one of the new councils'
    };
  }
  return { ok: true, change: grouping === 'area' ? { serviceAreaId: id } : { councilId: id } };
}
