import { EMBED_MESSAGE_SOURCE, isHostMessage, type EmbedMessage, type HostMessage } from './embed-messages';

type Payload = EmbedMessage extends infer M ? (M extends EmbedMessage ? Omit<M, 'source'> : never) : never;

export interface ParentMessenger {
  /** The host page's origin if it is one of the allowed ones, else undefined (then nothing is ever posted). */
  readonly parentOrigin: string | undefined;
  post(message: Payload): void;
  /**
   * Calls `handler` for host messages whose `event.origin` is exactly the allowed parent origin; returns an
   * unsubscribe.
   */
  onMessage(handler: (message: HostMessage) => void): () => void;
}

/**
 * Who framed us: `location.ancestorOrigins[0]` where the browser has it (Chromium, Safari), else the origin of
 * `document.referrer` (the embedding page's URL, or its origin under a strict referrer policy). Undefined at the top
 * level or when neither is known.
 */
export function detectParentOrigin(win: Window): string | undefined {
  if (win.parent === win) return undefined;
  const ancestor = win.location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The iframe page's side of the postMessage protocol. It never posts to `*`: messages go to the parent's exact
 * origin, and only if that origin is one of the token's allowed origins (CSP frame-ancestors already keeps other
 * origins from framing the page; this also covers a browser without frame-ancestors support). Incoming messages are
 * accepted only from the parent window itself with `event.origin` exactly equal to that origin.
 */
export function createParentMessenger(win: Window, allowedOrigins: readonly string[]): ParentMessenger {
  const detected = detectParentOrigin(win);
  const parentOrigin = detected !== undefined && allowedOrigins.includes(detected) ? detected : undefined;
  return {
    parentOrigin,
    post(message) {
      if (parentOrigin === undefined) return;
      win.parent.postMessage({ source: EMBED_MESSAGE_SOURCE, ...message }, parentOrigin);
    },
    onMessage(handler) {
      const listener = (event: MessageEvent) => {
        if (parentOrigin === undefined || event.origin !== parentOrigin || event.source !== win.parent) return;
        if (isHostMessage(event.data)) handler(event.data);
      };
      win.addEventListener('message', listener);
      return () => win.removeEventListener('message', listener);
    },
  };
}
