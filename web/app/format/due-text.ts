// Browser-safe and DOM-free.
import type { AppText } from '../i18n/app-text';
import { formatDateTime } from './format-date-time';

/** A step's due time as the one-stop forms write it: "Tạm dừng" while the clock waits for a supplement. */
export function dueText(item: { status: string; dueAt: string | null }, text: AppText): string {
  if (item.status === 'awaiting_supplement') return text.clockStopped;
  return item.dueAt ? formatDateTime(item.dueAt) : '—';
}
