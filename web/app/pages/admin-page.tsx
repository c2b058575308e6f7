import { useAppServices } from '../app-services';
import { adminText } from '../admin/admin-text';
import { hasAdminGrant } from '../admin/admin-grants';
import { AttentionSection } from '../admin/attention-section';
import { CalendarSection } from '../admin/calendar-section';
import { EmbedTokensSection } from '../admin/embed-tokens-section';
import { FundsSection } from '../funds/funds-section';
import { RegistrySection } from '../admin/registry-section';
import { UnitsSection } from '../admin/units-section';
import { UsersSection } from '../admin/users-section';
import { OverlapRulesSection } from '../admin/overlap-rules-section';
import { RetiredSummary } from '../admin/retired-summary';
import { TransitionPlansSection } from '../transition/transition-plans-section';
import { AppLink } from '../components/app-link';
import { ADMIN_SECTIONS, type AdminSection } from '../routing/app-route';

/**
 * The administration pages (`/admin/<section>`) for people holding the admin role: the registry of processes and
 * forms, embed tokens, users with their grants, administrative units, the working calendar and the dossiers that
 * need an operator. The API decides what
 * each administrator may change (403 in
 * place otherwise); the page only hides itself from people with no admin grant at all.
 */
export function AdminPage({ section }: { section: AdminSection }) {
  const { session, lang, navigate } = useAppServices();
  const t = adminText(lang);
  if (!hasAdminGrant(session.user.grants)) {
    return (
      <main id="main" className="app-page">
        <p className="app-error">{t.notAdmin}</p>
      </main>
    );
  }
  return (
    <main id="main" className="app-page" data-admin-section={section}>
      <h1>{t.sections[section]}</h1>
      <RetiredSummary />
      <nav aria-label={t.adminNav} className="app-admin-nav">
        {ADMIN_SECTIONS.map((s) => (
          <AppLink
            key={s}
            to={{ name: 'admin', section: s }}
            navigate={navigate}
            className={s === section ? 'app-admin-tab app-admin-tab-current' : 'app-admin-tab'}
            current={s === section}
          >
            {t.sections[s]}
          </AppLink>
        ))}
      </nav>
      {section === 'registry' ? <RegistrySection t={t} /> : null}
      {section === 'embed-tokens' ? <EmbedTokensSection t={t} /> : null}
      {section === 'users' ? <UsersSection t={t} /> : null}
      {section === 'units' ? <UnitsSection t={t} /> : null}
      {section === 'funds' ? <FundsSection /> : null}
      {section === 'calendar' ? <CalendarSection t={t} /> : null}
      {section === 'attention' ? <AttentionSection t={t} /> : null}
      {section === 'overlap-rules' ? <OverlapRulesSection t={t} /> : null}
      {section === 'transition-plans' ? <TransitionPlansSection /> : null}
    </main>
  );
}
