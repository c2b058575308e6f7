import type { OverlapItem } from '../../../api-contract';
import type { Lang } from '../../shared/i18n/lang';
import { overlapText, programmeLabel } from '../dossier/overlap-text';
import { AppLink } from './app-link';
import { useAppServices } from '../app-services';

/**
 * The dossiers a household or person already has under an overlap rule: programme and support type, year, the
 * receiving unit's name, the rule, and a link to the dossier where the API gave its code (the caller may read it).
 */
export function OverlapList({ overlaps, lang }: { overlaps: readonly OverlapItem[]; lang: Lang }) {
  const { navigate } = useAppServices();
  const t = overlapText(lang);
  return (
    <ul className="app-overlap-list">
      {overlaps.map((o, i) => (
        <li key={`${o.ruleId}-${o.dossierId ?? i}`}>
          <strong>{programmeLabel(o.programme, o.supportType, lang)}</strong> · {t.year} {o.year} · {o.unitName}
          {o.dossierId ? (
            <>
              {' · '}
              {t.dossier}{' '}
              <AppLink to={{ name: 'dossier', id: o.dossierId }} navigate={navigate}>
                {o.dossierId}
              </AppLink>
            </>
          ) : null}
          <br />
          <span className="app-muted">{o.ruleTitle[lang]}</span>
        </li>
      ))}
    </ul>
  );
}
