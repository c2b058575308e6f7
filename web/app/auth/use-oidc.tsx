import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthConfig } from '../../../api-contract';
import type { Lang } from '../../shared/i18n/lang';
import type { AppApiClient } from '../api/create-app-api-client';
import { parseAppUrl, type AppRoute } from '../routing/app-route';
import type { Session } from '../session/session-store';
import { OidcCallback } from './oidc-callback';
import { createOidcFlow, OIDC_CALLBACK_PATH, type OidcFlow } from './oidc-flow';
import { OidcSignIn } from './oidc-sign-in';
import { oidcText } from './oidc-text';
import { useOidcRefresh } from './use-oidc-refresh';

export interface UseOidc {
  /** The callback page while the provider's answer is being completed, else undefined. */
  callback: ReactNode | undefined;
  /** The sign-in page's button (null while the server's config is unknown or single sign-on is off). */
  signIn(next: string): ReactNode;
  /** Ends the session at the provider: revokes the refresh token, then RP-initiated logout (leaves the page). */
  logout(tokens: NonNullable<Session['oidc']>): void;
}

/**
 * Single sign-on in the officer app, when `GET /api/auth/config` names a provider: the button on the sign-in page,
 * the callback page, the refresh before expiry (the session kept in the same store as a password login's), and the
 * logout at the provider.
 */
export function useOidc(deps: {
  api: AppApiClient;
  lang: Lang;
  session: Session | undefined;
  /** Keeps a new session: in the tab at once and, unless the person is signing out, in storage (see App). */
  keepSession(session: Session): void;
  setExpired(expired: boolean): void;
  endSession(why: 'expired' | 'logout'): void;
  navigate(route: AppRoute, options?: { replace?: boolean }): void;
}): UseOidc {
  const { api, lang, session, keepSession, setExpired, endSession, navigate } = deps;
  const [config, setConfig] = useState<AuthConfig['oidc']>(null);
  const [onCallback, setOnCallback] = useState(() => location.pathname === OIDC_CALLBACK_PATH);
  useEffect(() => {
    void api.get<AuthConfig>('/api/auth/config').then((answer) => {
      if (!answer.ok) return;
      setConfig(answer.value.oidc);
      if (!answer.value.oidc) setOnCallback(false); // single sign-on is off: the address is just a page
    });
  }, [api]);
  const flow: OidcFlow | undefined = useMemo(
    () =>
      config
        ? createOidcFlow({
            config,
            pendingStorage: globalThis.sessionStorage,
            origin: location.origin,
            navigate: (url) => location.assign(url),
          })
        : undefined,
    [config],
  );
  const text = oidcText(lang);

  const save = keepSession;
  useOidcRefresh(flow, session, save, () => endSession('expired'));

  const onSignedIn = useCallback(
    (next: Session, where: string) => {
      save(next);
      setExpired(false);
      setOnCallback(false);
      navigate(parseAppUrl(where), { replace: true });
    },
    [save, setExpired, navigate],
  );
  const onBack = useCallback(() => {
    setOnCallback(false);
    navigate({ name: 'login', next: '/' }, { replace: true });
  }, [navigate]);

  return {
    callback:
      onCallback && flow ? (
        <OidcCallback flow={flow} text={text} lang={lang} onSignedIn={onSignedIn} onBack={onBack} />
      ) : onCallback ? (
        <main id="main" className="app-login">
          <p role="status">{text.completing}</p>
        </main>
      ) : undefined,
    signIn: (next) => (flow ? <OidcSignIn flow={flow} text={text} next={next} /> : null),
    logout: (tokens) => {
      void flow?.logout(tokens, `${location.origin}/login`).catch(() => undefined);
    },
  };
}
