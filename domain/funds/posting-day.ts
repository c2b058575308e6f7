import { vietnamDate } from '../time/vietnam-date';

/**
 * The day a ledger entry belongs to in every period report (the payment and approval lists, the ledger workbook, the
 * fund summary): the day in Việt Nam it was recorded in the ledger ("ngày ghi sổ", YYYY-MM-DD), never its value
 * date. Entries are recorded in `seq` order, so a period's running balances are the ledger's own `balanceAfter`, and
 * a receipt back-dated by its voucher ("ngày chứng từ", `valueDate`) counts in the period it was entered.
 */
export const postingDayOf = (entry: { at: Date | string }): string => vietnamDate(entry.at);
