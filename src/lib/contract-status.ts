import type { ContractStatus } from '#lib/domain/contracts.ts';
import type { TagColour } from '#lib/components/Tag.svelte';

export const STATUS_LABELS: Record<ContractStatus, string> = {
  'no-end-date': 'No end date recorded',
  ended: 'Ended',
  'notice-passed': 'Notice deadline passed',
  'notice-due': 'Notice due within 90 days',
  'lapses-before-vesting': 'Ends before vesting day',
  running: 'Running'
};

export const STATUS_COLOURS: Record<ContractStatus, TagColour> = {
  'no-end-date': 'grey',
  ended: 'grey',
  'notice-passed': 'red',
  'notice-due': 'orange',
  'lapses-before-vesting': 'red',
  running: 'green'
};
