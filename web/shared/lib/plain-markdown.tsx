// Stands in for `markdown-to-jsx/react` in the embed build (web/vite.config.mts aliases it here): react-jsonschema-form
// imports that parser for descriptions and help marked `ui:enableMarkdownInDescription`, which no shipped form uses,
// and it would be about a tenth of the embed's JavaScript. Such text is shown as it is written, as plain text.
import type { ReactNode } from 'react';

export function Markdown({ children }: { children?: ReactNode; options?: unknown }) {
  return <span>{children}</span>;
}

export default Markdown;
