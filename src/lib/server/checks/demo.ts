import { buildDemoDayOne } from '#lib/domain/demo-day-one.ts';
import { STANDARD_SECURITY_CONTROLS } from '#lib/domain/checks/standard-controls.ts';
import type { IsoDate } from '#lib/domain/dates.ts';
import type { Transaction } from '../db';
import {
  councilDayOneFacts,
  councilSecurityControls,
  savingsLines,
  securityControls
} from '../db/schema';

/** The demo programme's day-one facts, security controls and savings (see demo-day-one.ts). */
export async function insertDemoDayOne(
  tx: Transaction,
  programmeId: string,
  vestingDate: IsoDate,
  councilId: (key: string) => string,
  systemId: (key: string) => string | undefined
) {
  const demo = buildDemoDayOne(vestingDate);
  await tx.insert(councilDayOneFacts).values(
    Object.entries(demo.facts).map(([key, f]) => {
      const { financeSystem, financeHost, ...facts } = f;
      return {
        councilId: councilId(key),
        programmeId,
        ...facts,
        financeSystemId: financeSystem ? (systemId(financeSystem) ?? null) : null,
        financeHostCouncilId: financeHost ? councilId(financeHost) : null
      };
    })
  );
  const controls = await tx
    .insert(securityControls)
    .values(STANDARD_SECURITY_CONTROLS.map((c, position) => ({ programmeId, position, ...c })))
    .returning({ id: securityControls.id, name: securityControls.name });
  await tx.insert(councilSecurityControls).values(
    demo.securityRecorded.flatMap((key) =>
      controls.map((c) => ({
        councilId: councilId(key),
        controlId: c.id,
        programmeId,
        status: 'met' as const,
        evidence: 'Checked by the programme’s security lead',
        expiryDate:
          demo.expiring.council === key && demo.expiring.control === c.name
            ? demo.expiring.expiryDate
            : null
      }))
    )
  );
  await tx.insert(savingsLines).values(demo.savings.map((s) => ({ programmeId, ...s })));
}
