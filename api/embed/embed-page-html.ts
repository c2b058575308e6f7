import type { DescribedEmbedForm } from './describe-embed-form';
import type { RenderedEmbedForm } from './create-embed-form-renderer';

/** The id of the inlined form data in the iframe page (web/embed/iframe/iframe-main.tsx reads it). */
export const INLINE_FORM_ID = 'hoso-embed-form';
/** The element the form renders into (web/embed/form.html). */
const ROOT = '<div id="hoso-embed-root"></div>';

/**
 * JSON that is safe inside a `<script type="application/json">` element: `<` escaped, so neither `</script>` nor
 * `<!--` in a title can end the element early. Such a script is data, never run, so the CSP has nothing to allow.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The iframe page: the built template with the form's data inlined (so the browser makes no second request) and,
 * when the server rendered it, the form's markup in the root (so it is painted before any script has run).
 */
export function embedPageHtml(template: string, described?: DescribedEmbedForm, rendered?: RenderedEmbedForm): string {
  let html = template;
  if (rendered) html = html.replace(ROOT, () => `<div id="hoso-embed-root" data-ssr="">${rendered.html}</div>`);
  if (described)
    html = html.replace(
      '</body>',
      () => `<script type="application/json" id="${INLINE_FORM_ID}">${inlineJson(described)}</script>\n</body>`,
    );
  return html;
}
