/**
 * Display formats for people in England. Timestamps are stored in UTC and shown in UK time,
 * with the zone named so nobody has to guess.
 */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short'
});

export function formatDateTime(value: Date | string): string {
  return dateTime.format(typeof value === 'string' ? new Date(value) : value);
}

// Built once: constructing a number format costs far more than using it, and a list formats
// a value per row.
const pounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0
});

/** Money is held in integer pence. */
export function formatPounds(pence: number): string {
  return pounds.format(pence / 100);
}
