// The iframe page (`GET /embed/form/:token`, served by api/embed/create-embed-page-router.ts with a CSP whose
// frame-ancestors are the token's origins). The API is this page's own origin.
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { LoadFormResult } from '../api/create-embed-api-client';
import type { EmbedFormResponse } from '../api/embed-api-types';
import { EmbeddedForm } from '../components/embedded-form';
import { availableLocalStorage, createDraftStore } from '../../shared/draft/create-draft-store';
import { embedDraftKey } from '../draft/embed-draft-key';
import { parseLang } from '../../shared/i18n/lang';
import { createParentMessenger, type ParentMessenger } from '../messaging/create-parent-messenger';
import '../styles/embed.css';
import { observeContentHeight } from './observe-content-height';

const container = document.getElementById('hoso-embed-root');
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const lang = parseLang(new URLSearchParams(location.search).get('lang'));
document.documentElement.lang = lang;

/** The form data the API inlined into this page (`<script type="application/json" id="hoso-embed-form">`), if any. */
function inlinedForm(): LoadFormResult | undefined {
  const text = document.getElementById('hoso-embed-form')?.textContent;
  if (!text) return undefined;
  try {
    return { ok: true, value: JSON.parse(text) as EmbedFormResponse };
  } catch {
    return undefined; // fetched instead
  }
}

let messenger: ParentMessenger | undefined;
let stopObserving: (() => void) | undefined;

if (container) {
  const form = (
    <EmbeddedForm
      apiOrigin={location.origin}
      token={token}
      lang={lang}
      preloaded={inlinedForm()}
      events={{
        onReady(loaded) {
          document.title = loaded.form.title[lang];
          if (!messenger) {
            // Only now are the token's origins known; until then nothing is posted at all.
            messenger = createParentMessenger(window, loaded.origins);
            const post = messenger.post;
            stopObserving = observeContentHeight(container, (height) => post({ type: 'resize', height }));
            messenger.onMessage(() =>
              post({ type: 'resize', height: Math.ceil(container.getBoundingClientRect().height) }),
            );
          }
          messenger.post({ type: 'ready', form: `${loaded.form.key}@${loaded.form.version}`, lang });
        },
        onSubmitted(receipt) {
          messenger?.post({
            type: 'submitted',
            dossierId: receipt.dossierId,
            appointmentDate: receipt.appointmentDate,
            receivedAt: receipt.receivedAt,
          });
        },
        onValidationFailed(fields, origin) {
          messenger?.post({ type: 'validation-failed', fields, origin });
        },
        onError(code, message) {
          messenger?.post({ type: 'error', code, message });
        },
      }}
    />
  );
  // The API rendered the form into the page (data-ssr) as it looks with no draft: take it over as it is, unless a
  // draft is to be restored, which renders afresh over it.
  const preRendered = container.hasAttribute('data-ssr') && container.firstElementChild !== null;
  if (preRendered && createDraftStore(embedDraftKey(token), availableLocalStorage()).load() === undefined)
    hydrateRoot(container, form);
  else createRoot(container).render(form);
}

addEventListener('pagehide', () => stopObserving?.());
