/** A saved contract as the strings its form shows. */
export interface SavedContract {
  councilId: string;
  reference: string;
  title: string;
  description: string | null;
  department: string | null;
  supplierName: string;
  supplierCompanyNumber: string | null;
  startDate: string | null;
  endDate: string | null;
  reviewDate: string | null;
  maxEndDate: string | null;
  decisionDate: string | null;
  noticePeriodValue: number | null;
  noticePeriodUnit: 'days' | 'months' | null;
  annualValuePence: number | null;
  totalValuePence: number | null;
  lgrTreatment: string;
  decisionNotes: string | null;
  extensionOptions: { lengthMonths: number; exercised: boolean }[];
  systemIds: string[];
}

const pounds = (pence: number | null) =>
  pence === null ? '' : pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);

export function contractFormValues(c: SavedContract): Record<string, string> {
  const values: Record<string, string> = {
    councilId: c.councilId,
    reference: c.reference,
    title: c.title,
    description: c.description ?? '',
    department: c.department ?? '',
    supplierName: c.supplierName,
    supplierCompanyNumber: c.supplierCompanyNumber ?? '',
    noticePeriodValue: c.noticePeriodValue === null ? '' : String(c.noticePeriodValue),
    noticePeriodUnit: c.noticePeriodUnit ?? 'months',
    annualValue: pounds(c.annualValuePence),
    totalValue: pounds(c.totalValuePence),
    lgrTreatment: c.lgrTreatment,
    decisionNotes: c.decisionNotes ?? '',
    systems: c.systemIds.join(',')
  };
  for (const name of [
    'startDate',
    'endDate',
    'reviewDate',
    'maxEndDate',
    'decisionDate'
  ] as const) {
    const date = c[name];
    if (!date) continue;
    const [y, m, d] = date.split('-');
    values[`${name}-day`] = String(Number(d));
    values[`${name}-month`] = String(Number(m));
    values[`${name}-year`] = y!;
  }
  c.extensionOptions.forEach((o, i) => {
    values[`option-${i}-months`] = String(o.lengthMonths);
    if (o.exercised) values[`option-${i}-exercised`] = 'yes';
  });
  return values;
}
