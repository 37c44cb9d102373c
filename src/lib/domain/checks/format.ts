const WHOLE = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0
});
const PENCE = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2
});

/** £1,234 or £1,234.56, for sentences in findings (the engine cannot use #lib/format.ts). */
export function formatPence(pence: number): string {
  return (pence % 100 === 0 ? WHOLE : PENCE).format(pence / 100);
}
