import type { TagColour } from '#lib/components/Tag.svelte';
import {
  STATUS_LABELS,
  VERDICT_LABELS,
  type CheckStatus,
  type Verdict
} from '#lib/domain/checks/types.ts';

/** Tag colours for check statuses and verdicts; words always carry the meaning too. */
const STATUS_COLOURS: Record<CheckStatus, TagColour> = {
  pass: 'green',
  warn: 'orange',
  fail: 'red',
  unknown: 'grey'
};

const VERDICT_COLOURS: Record<Verdict, TagColour> = {
  ready: 'green',
  'at-risk': 'orange',
  'not-ready': 'red',
  'not-enough-data': 'grey'
};

export function statusTag(status: CheckStatus) {
  return { text: STATUS_LABELS[status], colour: STATUS_COLOURS[status] };
}

export function verdictTag(verdict: Verdict) {
  return { text: VERDICT_LABELS[verdict], colour: VERDICT_COLOURS[verdict] };
}

export const VERDICT_EXPLANATIONS: Record<Verdict, string> = {
  ready: 'Every day-one baseline check passes.',
  'at-risk': 'Nothing fails, but some checks have warnings to deal with before vesting day.',
  'not-ready': 'At least one day-one baseline check fails.',
  'not-enough-data':
    'Nothing fails, but some checks cannot be judged until the missing facts are recorded.'
};
