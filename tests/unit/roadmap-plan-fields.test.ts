import { describe, expect, it } from 'vitest';
import { planFieldsOf, SCHEDULE_FIELDS } from '#lib/domain/roadmap/index.ts';

const row = {
  id: 'item-1',
  lineageId: 'lineage-1',
  version: 7,
  owner: 'Sam',
  notes: 'Not part of the plan',
  title: 'Waste redesign',
  kind: 'redesign' as const,
  status: 'planned' as const,
  serviceAreaId: 'area-1',
  councilId: null,
  startDate: '2029-04-01',
  alphaStart: '2029-07-01',
  betaStart: '2029-10-01',
  liveStart: '2030-04-01',
  endDate: '2030-10-01'
};

describe('planFieldsOf', () => {
  it('keeps what the item is, where it sits and when it runs, and nothing else', () => {
    const fields = planFieldsOf(row);
    expect(Object.keys(fields).sort()).toEqual(
      [
        'title',
        'kind',
        'status',
        'serviceAreaId',
        'councilId',
        'startDate',
        'alphaStart',
        'betaStart',
        'liveStart',
        'endDate'
      ].sort()
    );
    for (const [key, value] of Object.entries(fields)) {
      expect(value).toBe(row[key as keyof typeof row]);
    }
  });

  it.each(SCHEDULE_FIELDS)('carries %s unchanged', (field) => {
    expect(planFieldsOf(row)[field]).toBe(row[field]);
  });

  it('keeps a missing lane as null rather than dropping it', () => {
    const fields = planFieldsOf({ ...row, serviceAreaId: null });
    expect(fields).toHaveProperty('serviceAreaId', null);
    expect(fields).toHaveProperty('councilId', null);
  });
});
