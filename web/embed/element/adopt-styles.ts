import css from '../styles/embed.css?inline';

let sheet: CSSStyleSheet | undefined;

/**
 * Gives a shadow root the embed's styles: one constructed stylesheet shared by every instance of every embed element,
 * or a <style> element where adoptedStyleSheets is missing.
 */
export function adoptStyles(shadow: ShadowRoot): void {
  if (
    'adoptedStyleSheets' in shadow &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
