// Browser-safe and DOM-free.
import { parseDmyDate } from '../../shared/widgets/parse-dmy-date';
import type { PaperReceiptText } from '../i18n/paper-receipt-text';

/**
 * What the paper-receipt field holds: `receivedAt` to send (the local Vietnam date and time as an ISO instant with
 * `+07:00`), none when both parts are empty, or the problem to show under the field. Whether the time is in the
 * allowed window is the API's to say (422 at /receivedAt), so the rule lives in one place.
 */
export function readPaperReceipt(
  date: string,
  time: string,
  text: PaperReceiptText,
): { receivedAt?: string } | { problem: string } {
  const day = parseDmyDate(date);
  const clock = time.trim();
  if (day.kind === 'empty' && clock === '') return {};
  if (day.kind === 'malformed' || day.kind === 'no-such-date') return { problem: text.badDate(date.trim()) };
  if (day.kind === 'empty') return { problem: text.needDate };
  if (clock === '') return { problem: text.needTime };
  // 08:30, 8h30, 8.30, or the digits alone (0830, 830): a phone's numeric keypad has no separator.
  const match = /^(\d{1,2})[:hH.]?(\d{2})$/.exec(clock);
  const [hours, minutes] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) return { problem: text.badTime(clock) };
  const hh = String(hours).padStart(2, '0');
  const mm = String(minutes).padStart(2, '0');
  return { receivedAt: `${day.iso}T${hh}:${mm}:00+07:00` };
}
