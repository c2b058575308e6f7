// Browser-safe and DOM-free.
import { formatDate } from '../../shared/format/format-date';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * `dd/mm/yyyy HH:mm` of an ISO date-time in Việt Nam's time (hand-offs and deadlines have a time of day); a value
 * that does not parse is returned as it is.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(time));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${formatDate(iso)} ${part('hour')}:${part('minute')}`;
}
