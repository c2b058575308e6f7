// Browser-safe and DOM-free.

/** Dates on receipts are Vietnamese civil dates, whatever the time zone of the browser that shows them. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * `dd/mm/yyyy` of an ISO date-time (or a plain `yyyy-mm-dd`) as a date in Việt Nam. An unparsable value is returned
 * as it is rather than hidden: a receipt must show what the server said.
 */
export function formatDate(iso: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date(time));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}`;
}
