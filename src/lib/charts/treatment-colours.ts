import type { LgrTreatment } from '#lib/schemas/contract-filters.ts';

/**
 * One colour per reorganisation decision, from the GOV.UK palette, each at least 3:1 against
 * white (WCAG 1.4.11). Colour is never the only cue: every bar's label names its decision,
 * the legend names every colour, and the table under the chart says the same in words.
 * Undecided is red because it is the one that needs action.
 */
export const TREATMENT_COLOURS: Record<LgrTreatment, string> = {
  undecided: '#d4351c',
  extend: '#00703c',
  transfer: '#1d70b8',
  novate: '#4c2c92',
  host: '#00796b',
  reprocure: '#912b88',
  terminate: '#0b0c0c',
  expire: '#505a5f'
};

/** Short labels that fit beside a bar; the legend and table use the full ones. */
export const TREATMENT_SHORT_LABELS: Record<LgrTreatment, string> = {
  undecided: 'Undecided',
  extend: 'Extend',
  transfer: 'Transfer',
  novate: 'Novate',
  host: 'Host (IAA)',
  reprocure: 'Re-procure',
  terminate: 'Terminate',
  expire: 'Let expire'
};
