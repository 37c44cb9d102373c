/**
 * Thresholds the checks use, kept per programme (programme settings). Defaults are what a
 * programme would start with; an editor can change them on the settings page.
 */
export interface CheckSettings {
  /** Contracts ending between today and vesting day + this many months need a decision. */
  contractHorizonMonths: number;
  /** A notice deadline this close (or passed) makes an undecided contract urgent. */
  noticeUrgentDays: number;
  /** A control must not expire within this many months after vesting day. */
  securityExpiryMonths: number;
  /** No digital and IT savings may be booked in programme years 1 to this. */
  savingsProtectedYears: number;
  /**
   * A cut-over (tenancy migration, finance move, website go-live, redirects) later than this
   * many days before vesting day is a warning: too little time to fix what goes wrong.
   */
  cutoverMarginDays: number;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  contractHorizonMonths: 12,
  noticeUrgentDays: 90,
  securityExpiryMonths: 6,
  savingsProtectedYears: 2,
  cutoverMarginDays: 28
};

/** Limits shared by the settings form and the database checks. */
export const CHECK_SETTING_LIMITS: Record<keyof CheckSettings, { min: number; max: number }> = {
  contractHorizonMonths: { min: 0, max: 60 },
  noticeUrgentDays: { min: 0, max: 365 },
  securityExpiryMonths: { min: 0, max: 36 },
  savingsProtectedYears: { min: 0, max: 10 },
  cutoverMarginDays: { min: 0, max: 365 }
};

export const CHECK_SETTING_LABELS: Record<keyof CheckSettings, string> = {
  contractHorizonMonths: 'Months after vesting day that contracts need a decision for',
  noticeUrgentDays: 'Days before a notice deadline that an undecided contract becomes urgent',
  securityExpiryMonths: 'Months after vesting day a security control must stay valid',
  savingsProtectedYears: 'Programme years with no digital and IT savings',
  cutoverMarginDays: 'Days before vesting day that cut-overs should be finished'
};
