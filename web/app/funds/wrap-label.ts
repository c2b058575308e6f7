// Browser-safe and DOM-free.

/**
 * A chart label in at most `lines` lines of about `width` characters, broken between words; what does not fit ends
 * in "…" (the chart gives the whole name in a tooltip and in the table). A word longer than a line is cut.
 */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const joined = line ? `${line} ${word}` : word;
    if (joined.length <= width) {
      line = joined;
      continue;
    }
    if (line) out.push(line);
    line = word;
    if (out.length === lines) break;
  }
  if (out.length < lines && line) out.push(line);
  const cut = out.length === lines && out.join(' ').length < text.trim().replace(/\s+/g, ' ').length;
  const shown = out.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (cut) {
    const last = shown[lines - 1]!;
    shown[lines - 1] = last.endsWith('…') ? last : `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  }
  return shown;
}
