// Server-side rendering of the embed's form: the API puts this HTML into the iframe page (and the `<ho-so-form>`
// loader into its shadow root), so the form is painted as soon as the page arrives, before the browser has
// loaded and run the JavaScript that makes it interactive (hydration, web/embed/iframe/iframe-main.tsx).
// Built for Node by `npm run build:web` (web/vite.ssr.config.mts) into web/dist/embed-ssr/render-embed-form.cjs.
import { renderToString } from 'react-dom/server';
import type { EmbedFormResponse } from '../api/embed-api-types';
import { EmbeddedForm } from '../components/embedded-form';
import type { Lang } from '../../shared/i18n/lang';

/**
 * The markup the client renders in its first pass for this form, language and token, with no draft: the client
 * hydrates it when it has no draft either, and renders afresh over it when it has one.
 */
export function renderEmbedForm(described: EmbedFormResponse, lang: Lang, token: string, apiOrigin: string): string {
  return renderToString(
    <EmbeddedForm apiOrigin={apiOrigin} token={token} lang={lang} preloaded={{ ok: true, value: described }} />,
  );
}
