import type { Dossier } from '../../../api-contract';
import type { Lang } from '../../shared/i18n/lang';
import { formatDate } from '../../shared/format/format-date';
import { overlapText } from '../dossier/overlap-text';
import { UnitName } from '../units/unit-name';
import { OverlapList } from './overlap-list';

/**
 * "Trùng đối tượng" on a dossier's page: the dossiers of the same household or person under an overlap rule
 * (earlier or later, computed when the page is read) and, if its creator overrode the check, the reason, the
 * creator's role and unit and the date. Nothing when there is neither.
 */
export function OverlapFlag({
  dossier,
  lang,
  roleName,
}: {
  dossier: Dossier;
  lang: Lang;
  roleName: (role: string) => string;
}) {
  const { overlaps, override } = dossier.overlap;
  if (overlaps.length === 0 && !override) return null;
  const t = overlapText(lang);
  return (
    <section className="app-card app-overlap-flag" aria-labelledby="overlap-heading" data-overlaps={overlaps.length}>
      <h2 id="overlap-heading">{t.flag}</h2>
      {overlaps.length > 0 ? <OverlapList overlaps={overlaps} lang={lang} /> : null}
      {override ? (
        <p>
          {t.overriddenBy} <q>{override.reason}</q> — {roleName(override.by.role)} ·{' '}
          <UnitName code={override.by.unitCode} /> · {formatDate(override.at)}
        </p>
      ) : null}
    </section>
  );
}
