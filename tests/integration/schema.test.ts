import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { contracts, councils, programmes } from '#lib/server/db/schema/index.ts';
import { describeEachDriver, rowsOf } from './harness';

describeEachDriver('schema and migrations', (ctx) => {
  it('creates every table of the first schema', async () => {
    const rows = rowsOf<{ tablename: string }>(
      await ctx.db.execute(
        sql`select tablename from pg_tables where schemaname = 'public' order by 1`
      )
    );
    expect(rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining([
        'audit_events',
        'contracts',
        'councils',
        'programme_members',
        'programmes',
        'sessions',
        'successions',
        'systems',
        'users'
      ])
    );
  });

  it('records each migration once', async () => {
    const rows = rowsOf<{ n: number | string }>(
      await ctx.db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`)
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });

  it('keeps date-only values as YYYY-MM-DD strings and money as whole pence', async () => {
    const [programme] = await ctx.db
      .insert(programmes)
      .values({ name: 'P', slug: 'p', vestingDate: '2028-04-01' })
      .returning();
    const [council] = await ctx.db
      .insert(councils)
      .values({ programmeId: programme!.id, name: 'C', role: 'predecessor', kind: 'district' })
      .returning();
    await ctx.db.insert(contracts).values({
      programmeId: programme!.id,
      councilId: council!.id,
      reference: 'R1',
      title: 'T',
      supplierName: 'S',
      endDate: '2028-02-29',
      annualValuePence: 9_007_199_254_740_991
    });
    const [row] = await ctx.db.select().from(contracts).where(eq(contracts.reference, 'R1'));
    expect(row?.endDate).toBe('2028-02-29');
    expect(row?.annualValuePence).toBe(9_007_199_254_740_991);
    expect(programme?.vestingDate).toBe('2028-04-01');
  });

  it('refuses a council succeeding itself and negative money', async () => {
    const [programme] = await ctx.db
      .insert(programmes)
      .values({ name: 'P', slug: 'p2', vestingDate: '2028-04-01' })
      .returning();
    const [council] = await ctx.db
      .insert(councils)
      .values({ programmeId: programme!.id, name: 'C', role: 'predecessor', kind: 'district' })
      .returning();
    await expect(
      ctx.db.execute(
        sql`insert into successions (predecessor_id, successor_id) values (${council!.id}, ${council!.id})`
      )
    ).rejects.toThrow();
    await expect(
      ctx.db.insert(contracts).values({
        programmeId: programme!.id,
        councilId: council!.id,
        reference: 'NEG',
        title: 'T',
        supplierName: 'S',
        annualValuePence: -1
      })
    ).rejects.toThrow();
  });
});
