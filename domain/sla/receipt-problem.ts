import { vietnamDate } from '../time/vietnam-date';
import { VN_OFFSET_MS } from '../time/vietnam-offset-ms';
import { civilDate } from '../time/civil-date';

/**
 * How far back a paper dossier's receipt may be entered: 30 days. A commune enters paper dossiers a day or several
 * after the one-stop desk received them; a month covers a holiday backlog, while an older receipt would open a
 * dossier already long overdue whose reminders and escalations all fire at once (docs/deadlines-and-sla.md).
 */
export const RECEIPT_MAX_AGE_DAYS = 30;

/** Clock skew allowed between the officer's device and the server for a receipt "just now": 5 minutes. */
export const RECEIPT_FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Why a paper receipt time cannot start a dossier's clock, or null when it can. */
export type ReceiptProblem =
  | { kind: 'invalid' }
  | { kind: 'future' }
  | { kind: 'too_old'; earliest: string }
  | { kind: 'before_process'; effectiveFrom: string };

/** `2026-01-05T02:30:00Z` → `05/01/2026 09:30`: an instant in Việt Nam time as officers read it. */
export function vietnamDateTime(instant: string | number): string {
  const local = new Date(new Date(instant).getTime() + VN_OFFSET_MS).toISOString();
  return `${civilDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/**
 * Checks a paper receipt time against `now` (ms): not in the future (beyond the tolerance), at most
 * RECEIPT_MAX_AGE_DAYS back, and not before the process definition's `effectiveFrom` (a Việt Nam calendar day).
 * Pure: the API calls it before anything is numbered; unit validity on the receipt day is checked beside it.
 */
export function receiptProblem(receivedAt: string, now: number, effectiveFrom?: string): ReceiptProblem | null {
  const at = Date.parse(receivedAt);
  if (Number.isNaN(at)) return { kind: 'invalid' };
  if (at > now + RECEIPT_FUTURE_TOLERANCE_MS) return { kind: 'future' };
  const earliest = now - RECEIPT_MAX_AGE_DAYS * 86_400_000;
  if (at < earliest) return { kind: 'too_old', earliest: new Date(earliest).toISOString() };
  if (effectiveFrom && vietnamDate(at) < effectiveFrom) return { kind: 'before_process', effectiveFrom };
  return null;
}

/** The officer-facing message of a receipt problem, in Vietnamese and English. */
export function receiptProblemMessage(problem: ReceiptProblem): { vi: string; en: string } {
  switch (problem.kind) {
    case 'invalid':
      return { vi: 'Thời điểm tiếp nhận không hợp lệ', en: 'The receipt time is not a valid time' };
    case 'future':
      return {
        vi: 'Thời điểm tiếp nhận không được ở tương lai',
        en: 'The receipt time cannot be in the future',
      };
    case 'too_old':
      return {
        vi: `Chỉ nhập được hồ sơ giấy tiếp nhận trong ${RECEIPT_MAX_AGE_DAYS} ngày gần nhất (từ ${vietnamDateTime(problem.earliest)})`,
        en: `Only paper dossiers received in the last ${RECEIPT_MAX_AGE_DAYS} days can be entered (from ${vietnamDateTime(problem.earliest)})`,
      };
    case 'before_process':
      return {
        vi: `Thời điểm tiếp nhận trước ngày quy trình có hiệu lực (${civilDate(problem.effectiveFrom)})`,
        en: `The receipt time is before the process took effect (${civilDate(problem.effectiveFrom)})`,
      };
  }
}
