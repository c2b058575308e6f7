// The status lookup's iframe page (`GET /embed/status/:token`, served by api/embed/create-embed-page-router.ts with
// the form page's CSP: frame-ancestors are the token's origins). The API is this page's own origin; it inlines the
// token's origins (`<script type="application/json" id="hoso-embed-status">`), the only parents it posts to.
import { createRoot } from 'react-dom/client';
import { StatusLookup } from '../components/status-lookup';
import { parseLang } from '../../shared/i18n/lang';
import { uiText } from '../i18n/ui-text';
import { createParentMessenger } from '../messaging/create-parent-messenger';
import '../styles/embed.css';
import { observeContentHeight } from './observe-content-height';

const container = document.getElementById('hoso-status-root');
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const lang = parseLang(new URLSearchParams(location.search).get('lang'));
document.documentElement.lang = lang;
document.title = uiText(lang).lookup.title;

/** The token's origins the API inlined; none (nothing is posted) if they are missing. */
function inlinedOrigins(): string[] {
  try {
    const parsed = JSON.parse(document.getElementById('hoso-embed-status')?.textContent ?? '{}') as {
      origins?: unknown;
    };
    return Array.isArray(parsed.origins) ? parsed.origins.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

if (container) {
  const messenger = createParentMessenger(window, inlinedOrigins());
  const post = messenger.post;
  const stopObserving = observeContentHeight(container, (height) => post({ type: 'resize', height }));
  messenger.onMessage(() => post({ type: 'resize', height: Math.ceil(container.getBoundingClientRect().height) }));
  addEventListener('pagehide', () => stopObserving());
  createRoot(container).render(
    <StatusLookup
      apiOrigin={location.origin}
      token={token}
      lang={lang}
      events={{
        onFound: (status) => post({ type: 'status-found', code: status.code }),
        onError: (code, message) => post({ type: 'error', code, message }),
      }}
    />,
  );
}
