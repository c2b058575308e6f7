import { useEffect, useRef, useState } from 'react';
import type { CurrentUser } from '../../../api-contract';
import type { Session } from '../session/session-store';
import type { OidcFlow } from './oidc-flow';
import type { OidcText } from './oidc-text';

/**
 * The page the provider returns to: completes the code flow, asks the API who the access token belongs to
 * (`/api/me`: the linked officer and their grants), and hands the session over. A refusal (an account not enabled
 * here is the API's 403, with its message in the person's language) or any failure shows the message and a way back
 * to the sign-in page.
 */
export function OidcCallback(props: {
  flow: OidcFlow;
  text: OidcText;
  lang: string;
  onSignedIn(session: Session, next: string): void;
  onBack(): void;
}) {
  const [error, setError] = useState<string | undefined>();
  const ran = useRef(false);
  const { flow, text, lang, onSignedIn } = props;
  useEffect(() => {
    if (ran.current) return; // StrictMode runs effects twice; the pending sign-in is used once
    ran.current = true;
    void (async () => {
      try {
        const { tokens, next } = await flow.complete(new URL(location.href));
        const answer = await fetch('/api/me', {
          headers: {
            authorization: `Bearer ${tokens.accessToken}`,
            accept: 'application/json',
            'accept-language': lang,
          },
          credentials: 'omit',
        });
        const body = (await answer.json()) as CurrentUser & { error?: { message?: string } };
        if (!answer.ok) {
          // Refused here (an account not enabled, an inactive user): the provider's refresh token is of no use.
          if (tokens.refreshToken) await flow.revoke(tokens.refreshToken);
          setError(body.error?.message ?? text.failed);
          return;
        }
        onSignedIn(
          {
            token: tokens.accessToken,
            expiresAt: tokens.expiresAt,
            user: body,
            oidc: {
              ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
              ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
            },
          },
          next,
        );
      } catch {
        setError(text.failed);
      }
    })();
  }, [flow, text, lang, onSignedIn]);
  return (
    <main id="main" className="app-login">
      {error ? (
        <>
          <p className="app-error" role="alert">
            {error}
          </p>
          <button type="button" className="app-button" onClick={props.onBack}>
            {text.signInWithProvince}
          </button>
        </>
      ) : (
        <p role="status">{text.completing}</p>
      )}
    </main>
  );
}
