import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearAppDrafts } from './draft/clear-app-drafts';
import { availableLocalStorage } from '../shared/draft/create-draft-store';
import type { Lang } from '../shared/i18n/lang';
import { createAppApiClient } from './api/create-app-api-client';
import type { LoginResponse } from '../../api-contract';
import { AppServicesContext, type AppServices } from './app-services';
import { AppLink } from './components/app-link';
import { createDefinitionLoader } from './dossier/create-definition-loader';
import { createFormLoader } from './forms/create-form-loader';
import { appText, type AppText } from './i18n/app-text';
import { loadLangPreference, saveLangPreference } from './i18n/lang-preference';
import { hasAdminGrant } from './admin/admin-grants';
import { adminText } from './admin/admin-text';
import { AdminPage } from './pages/admin-page';
import { DossierPage } from './pages/dossier-page';
import { InboxPage } from './pages/inbox-page';
import { LoginPage } from './pages/login-page';
import { NewDossierPage } from './pages/new-dossier-page';
import { SlaDashboardPage } from './pages/sla-dashboard-page';
import { PaymentsPage } from './pages/payments-page';
import { ReportsPage } from './pages/reports-page';
import { reportText } from './reports/report-text';
import { PlansPage } from './pages/plans-page';
import { hasPlanGrant } from './plans/has-plan-grant';
import { planText } from './plans/plan-text';
import { PovertyRegisterPage } from './pages/poverty-register-page';
import { registerText } from './poverty-register/register-text';
import { hasTreasuryGrant } from './payments/has-treasury-grant';
import { paymentText } from './payments/payment-text';
import { slaText } from './i18n/sla-text';
import { NotificationsIndicator } from './sla/notifications-indicator';
import { parseAppUrl, routeUrl, safeNext, type AppRoute } from './routing/app-route';
import { useAppRoute } from './routing/use-app-route';
import { createSessionStore, type Session } from './session/session-store';
import { createTokenRefresher, REFRESH_MARGIN_MS } from './session/create-token-refresher';
import { createUnitDirectory } from './units/create-unit-directory';
import { useOidc } from './auth/use-oidc';

const storage = availableLocalStorage();
const sessions = createSessionStore(storage);

/**
 * The officer app: the session (kept in localStorage until it ends; the short-lived access token is refreshed
 * before it expires or on a 401, and a refused refresh ends the session and shows the login page for the same
 * address, which opens again after signing in; "Đăng xuất" ends it on the server first), the language (Vietnamese
 * unless English was chosen, remembered), the header, and the page of the current route.
 */
export function App() {
  const { route, navigate } = useAppRoute();
  const [session, setSession] = useState<Session | undefined>(() => sessions.load(new Date()));
  const [lang, setLang] = useState<Lang>(() => loadLangPreference(storage));
  const [expired, setExpired] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const sessionRef = useRef(session);
  const oidcLogoutRef = useRef<(tokens: NonNullable<Session['oidc']>) => void>(() => undefined);
  sessionRef.current = session;
  const langRef = useRef(lang);
  langRef.current = lang;
  const text = appText(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const endSession = useCallback(
    (why: 'expired' | 'logout', ending: Session | undefined = sessionRef.current) => {
      const userId = ending?.user.id;
      if (why === 'logout' && userId) clearAppDrafts(userId, () => globalThis.localStorage);
      // A single sign-on session is also ended at the province's provider (see useOidc), which may leave the page.
      if (why === 'logout' && ending?.oidc) oidcLogoutRef.current(ending.oidc);
      sessions.clear();
      setSession(undefined);
      setExpired(why === 'expired');
      // Several calls may be answered 401 at once (the page's and the header's): the first one chose where to
      // return after signing in; the others must not replace it with the login page itself.
      if (why === 'expired' && location.pathname === '/login') return;
      const here = location.pathname + location.search;
      navigate({ name: 'login', next: why === 'expired' ? safeNext(here) : '/' }, { replace: why === 'expired' });
    },
    [navigate],
  );

  /** True from "Đăng xuất" until the session has ended: the session is no longer kept in the browser. */
  const signingOutRef = useRef(false);
  const keepSession = useCallback((next: Session) => {
    // The ref first: calls waiting on the refresh read the new token at once, before React renders.
    sessionRef.current = next;
    if (!signingOutRef.current) sessions.save(next);
    setSession(next);
  }, []);
  const api = useMemo(() => {
    const refresher = createTokenRefresher({
      current: () => sessionRef.current,
      stored: () => sessions.load(new Date()),
      save: keepSession,
    });
    return createAppApiClient({
      token: () => sessionRef.current?.token,
      user: () => sessionRef.current?.user.id,
      expiresSoon: () => {
        const expiresAt = sessionRef.current?.expiresAt;
        return expiresAt !== undefined && Date.parse(expiresAt) - REFRESH_MARGIN_MS <= Date.now();
      },
      refresh: () => refresher.refresh(),
      lang: () => langRef.current,
      onUnauthorized: () => endSession('expired'),
    });
  }, [endSession, keepSession]);
  const [signingOut, setSigningOut] = useState(false);
  const signOut = async () => {
    // One sign-out at a time: a second click while the first waits does nothing (the button is disabled too).
    if (signingOutRef.current) return;
    // The session as the person asked to end it: its drafts are cleared and its provider session ended even if
    // something else cleared the tab's session while the sign-out was on its way.
    const ending = sessionRef.current;
    // Forgotten by the browser at once with the person's drafts, while the calls on their way finish (see
    // AppApiClient.signOut): a reload, a closed tab or another address in the meantime must not find the person
    // still signed in or their unsent data (a shared office computer), and a refresh answered meanwhile is not stored
    // again. A draft saved meanwhile (a field typed while waiting) is cleared again if the page is left.
    signingOutRef.current = true;
    setSigningOut(true);
    sessions.clear();
    const clearDrafts = () => {
      if (ending) clearAppDrafts(ending.user.id, () => globalThis.localStorage);
    };
    clearDrafts();
    globalThis.addEventListener('pagehide', clearDrafts);
    try {
      // A single sign-on session is ended at the province's provider, which leaves the page (endSession): the server
      // holds no session of it to wait for, and the provider's must end even if the page were left during a wait.
      // Its logout leaves at once, with the token, before the session is cleared.
      const signedOut = api.signOut({ wait: !ending?.oidc });
      if (!ending?.oidc) await signedOut;
    } finally {
      globalThis.removeEventListener('pagehide', clearDrafts);
      signingOutRef.current = false;
      setSigningOut(false);
    }
    endSession('logout', ending);
  };
  const loaders = useMemo(
    () => ({
      loadForm: createFormLoader(api),
      loadDefinition: createDefinitionLoader(api),
      units: createUnitDirectory(api),
    }),
    [api],
  );

  const go = useCallback(
    (next: AppRoute, options?: { notice?: string }) => {
      setNotice(options?.notice);
      navigate(next);
    },
    [navigate],
  );

  const oidc = useOidc({ api, lang, session, keepSession, setExpired, endSession, navigate });
  oidcLogoutRef.current = oidc.logout;

  const onLoggedIn = (answer: LoginResponse) => {
    keepSession({
      token: answer.token,
      expiresAt: answer.expiresAt,
      refreshToken: answer.refreshToken,
      refreshExpiresAt: answer.refreshExpiresAt,
      user: answer.user,
    });
    setExpired(false);
    // Where the person was going: the login page's `next`, or the page they opened while signed out.
    navigate(route.name === 'login' ? parseAppUrl(route.next) : route, { replace: true });
  };

  const switchLang = () => {
    const next: Lang = lang === 'vi' ? 'en' : 'vi';
    saveLangPreference(storage, next);
    setLang(next);
  };

  const services: AppServices | undefined = session
    ? { api, ...loaders, session, lang, text, navigate: go, notice }
    : undefined;

  // Already signed in on /login (a second tab, the back button): straight on.
  const loginWhileSignedIn = services !== undefined && route.name === 'login' ? route.next : undefined;
  useEffect(() => {
    if (loginWhileSignedIn !== undefined) navigate(parseAppUrl(loginWhileSignedIn), { replace: true });
  }, [loginWhileSignedIn, navigate]);
  // Signed out: the login page, on whatever address was opened (it opens after signing in).
  const showLogin = !services || route.name === 'login';

  return (
    <>
      <a className="app-skip" href="#main">
        {text.skipToContent}
      </a>
      <header className="app-header">
        <span className="app-brand">{text.appName}</span>
        {services ? (
          <nav aria-label={text.appName} className="app-nav">
            <AppLink to={{ name: 'inbox' }} navigate={go}>
              {text.inbox}
            </AppLink>
            <AppLink to={{ name: 'new' }} navigate={go}>
              {text.newDossier}
            </AppLink>
            <AppLink to={{ name: 'sla', filters: {} }} navigate={go}>
              {slaText(lang).nav}
            </AppLink>
            {hasTreasuryGrant(services.session.user.grants) ? (
              <AppLink to={{ name: 'payments' }} navigate={go}>
                {paymentText(lang).nav}
              </AppLink>
            ) : null}
            {hasPlanGrant(services.session.user.grants) ? (
              <AppLink to={{ name: 'plans' }} navigate={go}>
                {planText(lang).nav}
              </AppLink>
            ) : null}
            {hasAdminGrant(services.session.user.grants) ? (
              <AppLink to={{ name: 'admin', section: 'registry' }} navigate={go}>
                {adminText(lang).admin}
              </AppLink>
            ) : null}
            {services.session.user.grants.length > 0 ? (
              <AppLink to={{ name: 'reports' }} navigate={go}>
                {reportText(lang).nav}
              </AppLink>
            ) : null}
            {hasPlanGrant(services.session.user.grants) ? (
              <AppLink to={{ name: 'poverty-register' }} navigate={go}>
                {registerText(lang).nav}
              </AppLink>
            ) : null}
          </nav>
        ) : null}
        <div className="app-header-tools">
          <button
            type="button"
            className="app-link-button"
            lang={lang === 'vi' ? 'en' : 'vi'}
            aria-label={text.switchLangLabel}
            onClick={switchLang}
          >
            {text.switchLang}
          </button>
          {services ? (
            <>
              <AppServicesContext.Provider value={services}>
                <NotificationsIndicator />
              </AppServicesContext.Provider>
              <span className="app-user">
                <span className="app-user-name">
                  {(lang === 'en' ? services.session.user.displayNameEn : undefined) ??
                    services.session.user.displayName}
                </span>
                <span className="app-user-role">
                  {[...new Set(services.session.user.grants.map((g) => text.roles[g.role] ?? g.role))].join(', ')}
                </span>
              </span>
              <button type="button" className="app-link-button" disabled={signingOut} onClick={() => void signOut()}>
                {text.logout}
              </button>
            </>
          ) : null}
        </div>
      </header>
      {oidc.callback && !services ? (
        oidc.callback
      ) : showLogin || !services ? (
        <LoginPage
          api={api}
          text={text}
          notice={expired ? text.sessionExpired : undefined}
          sso={oidc.signIn(route.name === 'login' ? route.next : safeNext(routeUrl(route)))}
          onLoggedIn={onLoggedIn}
        />
      ) : (
        <AppServicesContext.Provider value={services}>
          <Page route={route} notice={notice} text={text} />
        </AppServicesContext.Provider>
      )}
    </>
  );
}

function Page({ route, notice, text }: { route: AppRoute; notice: string | undefined; text: AppText }) {
  switch (route.name) {
    case 'inbox':
      return <InboxPage />;
    case 'dossier':
      return <DossierPage key={route.id} id={route.id} notice={notice} />;
    case 'admin':
      return <AdminPage section={route.section} />;
    case 'new':
      return <NewDossierPage key={route.processKey ?? ''} processKey={route.processKey} />;
    case 'sla':
      return <SlaDashboardPage filters={route.filters} />;
    case 'payments':
      return <PaymentsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'plans':
      return <PlansPage />;
    case 'poverty-register':
      return <PovertyRegisterPage />;
    default:
      return (
        <main id="main" className="app-page">
          <p>
            {text.notFound} <code>{routeUrl(route)}</code>
          </p>
        </main>
      );
  }
}
