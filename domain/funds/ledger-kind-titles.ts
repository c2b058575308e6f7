import type { LedgerEntryKind } from './ledger-balance';

/** What each kind of ledger entry is called on a fund's documents, in Vietnamese and English. */
export const LEDGER_KIND_TITLES: Record<LedgerEntryKind, { vi: string; en: string }> = {
  receipt: { vi: 'Thu', en: 'Receipt' },
  commitment: { vi: 'Cam kết chi', en: 'Commitment' },
  release: { vi: 'Hủy cam kết', en: 'Release' },
  payment: { vi: 'Chi trả', en: 'Payment' },
  payment_reversal: { vi: 'Hoàn chi', en: 'Payment reversal' },
};
