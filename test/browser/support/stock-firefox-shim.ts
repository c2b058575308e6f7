/**
 * Two gaps between playwright-core 1.65's WebDriver BiDi driver and stock Firefox ESR, closed where playwright-core
 * sends its BiDi commands (its WebSocket transport, in this process):
 *
 * 1. Playwright sends `emulation.setMediaFeaturesOverride` (prefers-color-scheme) for every new context and page,
 *    even when no colour scheme is asked for; Firefox 153 ESR answers "unknown command", which fails
 *    `browser.newContext()`. It is answered here with an empty success: the browser's own colour scheme stays.
 * 2. Playwright types text a key cannot produce (`fill()`, and characters such as "ễ" in `type()`) by setting the
 *    field's `value` in the page and dispatching an `input` event. That goes through the setter React installs on
 *    each controlled field, so React believes nothing changed and ignores the event (a filled field would be empty
 *    to the app). The call is replaced by the same insertion done with the browser's own setter, as a keystroke
 *    does.
 */
const UNSUPPORTED = new Set(['emulation.setMediaFeaturesOverride']);

/** Playwright's page-side call that inserts text into the focused element (bidiRawKeyboard.sendText). */
const PLAYWRIGHT_INSERT_TEXT = '(text3) => window.__pw_bidiInsertText(text3)';

/**
 * The same insertion into a focused input or textarea through the prototype's `value` setter; anything else
 * (an iframe, whose element Playwright needs back, or contenteditable) is left to Playwright's own function. A
 * field without a text selection (type=number, email) only gets text this way from `fill()`, which selected all
 * of it first: the text replaces its value (Playwright's own function would append it).
 */
const INSERT_TEXT = `(text) => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : null;
  if (!proto) return window.__pw_bidiInsertText(text);
  const value = Object.getOwnPropertyDescriptor(proto, 'value');
  const old = value.get.call(el);
  const start = el.selectionStart;
  value.set.call(el, start === null ? text : old.slice(0, start) + text + old.slice(el.selectionEnd));
  if (start !== null) el.setSelectionRange(start + text.length, start + text.length);
  el.dispatchEvent(new InputEvent('input', { data: text, inputType: 'insertText', bubbles: true, composed: true }));
}`;

interface BidiMessage {
  id?: number;
  method?: string;
  params?: { arguments?: { type?: string; value?: unknown }[] };
}

interface BidiTransport {
  send(message: BidiMessage): void;
  onmessage?: (message: { type: 'success'; id: number; result: Record<string, never> }) => void;
}

let installed = false;

/** Installs both adaptations once per process. Only BiDi messages are touched (CDP method names differ). */
export function installStockFirefoxShim(): void {
  if (installed) return;
  installed = true;
  // playwright-core's server side; its package exports it (without type declarations).
  const { server } = require('playwright-core/lib/coreBundle') as {
    server: { WebSocketTransport: { prototype: BidiTransport } };
  };
  const proto = server.WebSocketTransport.prototype;
  const send = proto.send;
  proto.send = function (this: BidiTransport, message) {
    if (message.method && message.id !== undefined && UNSUPPORTED.has(message.method)) {
      const id = message.id;
      setImmediate(() => this.onmessage?.({ type: 'success', id, result: {} }));
      return;
    }
    if (message.method === 'script.callFunction') {
      for (const arg of message.params?.arguments ?? [])
        if (arg.type === 'string' && arg.value === PLAYWRIGHT_INSERT_TEXT) arg.value = INSERT_TEXT;
    }
    send.call(this, message);
  };
}
