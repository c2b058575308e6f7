import type { Timeliness } from '../../../domain/sla/timeliness';
import type { AppText } from '../i18n/app-text';

/** The step's or dossier's timeliness (chưa đến hạn / tới hạn / quá hạn / đúng hạn / trễ hạn) as a coloured badge. */
export function TimelinessBadge({ value, text }: { value: Timeliness | null | undefined; text: AppText }) {
  if (!value) return null;
  return <span className={`app-badge app-badge-${value.replace('_', '-')}`}>{text.timelinessNames[value]}</span>;
}
