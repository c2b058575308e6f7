/**
 * Returns `markdown` with the section under `heading` (an exact heading line, e.g. "## Forms (`npm run bench:forms`)")
 * replaced by `body`, up to the next heading of the same or a higher level; other sections stay byte for byte. If
 * there is no such section it is appended. `body` is the text under the heading, without the heading line.
 */
export function replaceMarkdownSection(markdown: string, heading: string, body: string): string {
  const level = /^(#+) /.exec(heading)?.[1]?.length;
  if (!level) throw new Error(`not a markdown heading: ${heading}`);
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === heading);
  if (start < 0) return `${markdown.trimEnd()}${markdown.trim() ? '\n\n' : ''}${section}`;

  let end = lines.length;
  let fenced = false;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i]!)) fenced = !fenced;
    const match = fenced ? null : /^(#+) /.exec(lines[i]!);
    if (match && match[1]!.length <= level) {
      end = i;
      break;
    }
  }
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before ? '\n' : ''}${section}${after ? `\n${after}` : ''}`;
}
