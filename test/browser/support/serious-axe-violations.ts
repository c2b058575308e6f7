import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core (every rule) on the page as it is: its violations of serious or critical impact, one line per rule and
 * element (the page's context must bypass the CSP, which forbids the injected script).
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page
    .evaluate('axe.run(document, { resultTypes: ["violations"] })')
    .then((r) => (r as { violations: unknown[] }).violations)) as {
    id: string;
    impact: string | null;
    nodes: { target: unknown[] }[];
  }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

/** {@link seriousAxeViolations} at desktop (1200×900) and then phone (390×844) width, each line prefixed with it. */
export async function seriousAxeViolationsAtBothWidths(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const viewport of [
    { width: 1200, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    found.push(...(await seriousAxeViolations(page)).map((v) => `${viewport.width}px ${v}`));
  }
  return found;
}
