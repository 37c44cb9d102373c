import { MAX_EXTENSION_OPTION_MONTHS } from '../extension-options';
import { addMonths, compareIsoDates, daysBetween, type IsoDate } from '../dates';

/**
 * Registers in the "CONTRACT_CURRENT_END_DATE / MAXIMUM_CONTRACT_END_DATE / CONTRACT_EXTENDABLE"
 * layout say only that a contract can be extended, and to when. We record that as one
 * extension option running from the current end to the maximum end, in whole calendar months
 * (as options are stored): the number of months whose end (by `addMonths`, clamped to the
 * month's end) falls nearest the maximum end, a tie going to the shorter. The maximum end
 * itself is stored as published, so a few days' rounding never moves the latest end date.
 *
 * No option (null) when there is nothing to cover: no end or maximum end, a maximum end on or
 * before the current end, or less than half a month between them; nor when the gap is longer
 * than an option may be (MAX_EXTENSION_OPTION_MONTHS), which would not be a believable option.
 */
export function optionCoveringMaximumEnd(
  endDate: IsoDate | null | undefined,
  maxEndDate: IsoDate | null | undefined
): number | null {
  if (!endDate || !maxEndDate || compareIsoDates(maxEndDate, endDate) <= 0) return null;
  let months = 0;
  while (
    months <= MAX_EXTENSION_OPTION_MONTHS &&
    compareIsoDates(addMonths(endDate, months + 1), maxEndDate) <= 0
  )
    months++;
  if (months > MAX_EXTENSION_OPTION_MONTHS) return null;
  const below = daysBetween(addMonths(endDate, months), maxEndDate);
  const above = daysBetween(maxEndDate, addMonths(endDate, months + 1));
  const nearest = below === 0 || below <= above ? months : months + 1;
  if (nearest < 1 || nearest > MAX_EXTENSION_OPTION_MONTHS) return null;
  return nearest;
}
