import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppApiClient } from '../api/create-app-api-client';
import type { LoginResponse } from '../../../api-contract';
import { BusyIndicator } from '../components/busy-indicator';
import type { AppText } from '../i18n/app-text';

export interface LoginPageProps {
  api: AppApiClient;
  text: AppText;
  /** Shown above the form (e.g. "your session has expired"). */
  notice?: string;
  /** Shown above the form: the single sign-on button when the server offers it (web/app/auth). */
  sso?: ReactNode;
  onLoggedIn(answer: LoginResponse): void;
}

/** Username and password; the server's message (wrong password, invalid input) is shown next to the form. */
export function LoginPage({ api, text, notice, sso, onLoggedIn }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const result = await api.post<LoginResponse>('/api/auth/login', { username: username.trim(), password });
    setBusy(false);
    if (result.ok) onLoggedIn(result.value);
    else setError(result.status === 'network' ? text.networkError : (result.fields[0]?.message ?? result.message));
  };

  return (
    <main id="main" className="app-login">
      <h1>{text.loginTitle}</h1>
      {notice ? (
        <p className="app-notice" role="status">
          {notice}
        </p>
      ) : null}
      {sso}
      <form onSubmit={submit} className="app-login-form" aria-describedby={error ? 'login-error' : undefined}>
        <label htmlFor="login-username">{text.username}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">{text.password}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error ? (
          <p id="login-error" className="app-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="app-button" disabled={busy}>
          {busy ? text.loggingIn : text.login}
        </button>
        {busy ? <BusyIndicator label={text.loggingIn} /> : null}
      </form>
    </main>
  );
}
