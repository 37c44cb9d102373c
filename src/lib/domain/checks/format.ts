/** £1,234 or £1,234.56, for sentences in findings (the engine cannot use $lib/format). */
export function formatPence(pence: number): string {
  const pounds = pence / 100;
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'GBP',
    minimumFractionDigits: pence % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2
  }).format(pounds);
}
