import { useState } from 'react';
import type { OidcFlow } from './oidc-flow';
import type { OidcText } from './oidc-text';

/** The sign-in page's single sign-on button: leaves for the province's provider, coming back to `next`. */
export function OidcSignIn({ flow, text, next }: { flow: OidcFlow; text: OidcText; next: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const start = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await flow.start(next);
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };
  return (
    <section className="app-login-sso" aria-label={text.signInWithProvince}>
      <button type="button" className="app-button" disabled={busy} onClick={() => void start()}>
        {busy ? text.redirecting : text.signInWithProvince}
      </button>
      {failed ? (
        <p className="app-error" role="alert">
          {text.failed}
        </p>
      ) : null}
      <p>{text.or}</p>
    </section>
  );
}
