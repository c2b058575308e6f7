import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DescribedEmbedForm } from './describe-embed-form';

/** Where `npm run build:web` writes the server-side renderer (web/vite.ssr.config.mts). */
export const DEFAULT_EMBED_RENDERER = path.resolve(
  __dirname,
  '..',
  '..',
  'web',
  'dist',
  'embed-ssr',
  'render-embed-form.cjs',
);

/** The form's markup and the CSP source expressions for the inline `style` attributes in it. */
export interface RenderedEmbedForm {
  html: string;
  styleHashes: string[];
}

export interface EmbedFormRenderer {
  /** The form rendered as the iframe page's first client pass renders it; undefined without a build or on failure. */
  render(described: DescribedEmbedForm, lang: 'vi' | 'en', token: string): RenderedEmbedForm | undefined;
}

type RenderModule = {
  renderEmbedForm(described: DescribedEmbedForm, lang: 'vi' | 'en', token: string, apiOrigin: string): string;
};

const CACHE_LIMIT = 200;

/**
 * react-jsonschema-form puts a few `style` attributes in its markup (array item rows). React sets them through the
 * CSSOM when it renders in the browser, which a CSP without 'unsafe-inline' allows; in server-rendered HTML they are
 * attributes, which it blocks unless their hashes are listed with 'unsafe-hashes'. They come from the templates, never
 * from what a person typed (no draft is ever rendered on the server).
 */
function styleHashesOf(html: string): string[] {
  const values = new Set<string>();
  for (const match of html.matchAll(/\sstyle="([^"]*)"/g))
    values.add(
      match[1]!
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, '&'),
    );
  return [...values].map((value) => `'sha256-${createHash('sha256').update(value).digest('base64')}'`);
}

/**
 * Server-side rendering of embedded forms, with the renderer built by `npm run build:web` loaded on first use (and
 * again when a new build replaces it). Each (token, language, form, unit) renders once: the markup depends only on
 * them, and definitions are immutable. Failures are logged without data and leave the page to render in the browser.
 */
export function createEmbedFormRenderer(
  deps: { modulePath?: string; logger?: { error(message: string, meta?: Record<string, unknown>): void } } = {},
): EmbedFormRenderer {
  const modulePath = deps.modulePath ?? DEFAULT_EMBED_RENDERER;
  const requireModule = createRequire(__filename);
  let loaded: { mtimeMs: number; module: RenderModule } | undefined;
  const cache = new Map<string, RenderedEmbedForm>();

  const load = (): RenderModule | undefined => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(modulePath).mtimeMs;
    } catch {
      return undefined;
    }
    if (loaded?.mtimeMs !== mtimeMs) {
      delete requireModule.cache[requireModule.resolve(modulePath)];
      loaded = { mtimeMs, module: requireModule(modulePath) as RenderModule };
      cache.clear();
    }
    return loaded.module;
  };

  return {
    render(described, lang, token) {
      try {
        const module = load();
        if (!module) return undefined;
        const key = JSON.stringify([
          token,
          lang,
          `${described.process.key}@${described.process.version}`,
          `${described.form.key}@${described.form.version}`,
          described.unit,
        ]);
        let rendered = cache.get(key);
        if (!rendered) {
          // The API origin is not in the markup (only in requests made later); the client passes its own.
          const html = module.renderEmbedForm(described, lang, token, '');
          rendered = { html, styleHashes: styleHashesOf(html) };
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
          cache.set(key, rendered);
        }
        return rendered;
      } catch (error) {
        deps.logger?.error('embed form server render failed', {
          form: `${described.form.key}@${described.form.version}`,
          error: String((error as Error)?.message ?? error),
        });
        return undefined;
      }
    },
  };
}
