// Browser-safe and DOM-free: the postMessage protocol between the iframe page and its host page.

/** Every message the iframe posts carries this `source`, so a host can tell them from other frames' messages. */
export const EMBED_MESSAGE_SOURCE = 'hoso-embed';

/** Messages from the iframe page to its host (posted only to the host's exact origin, if it is allowed). */
export type EmbedMessage =
  | { source: typeof EMBED_MESSAGE_SOURCE; type: 'ready'; form: string; lang: 'vi' | 'en' }
  | { source: typeof EMBED_MESSAGE_SOURCE; type: 'resize'; height: number }
  | {
      source: typeof EMBED_MESSAGE_SOURCE;
      type: 'submitted';
      dossierId: string;
      appointmentDate: string;
      receivedAt: string;
    }
  | { source: typeof EMBED_MESSAGE_SOURCE; type: 'validation-failed'; fields: string[]; origin: 'browser' | 'server' }
  | { source: typeof EMBED_MESSAGE_SOURCE; type: 'error'; code: string; message: string }
  /** The status lookup (status-main.tsx) found a dossier; only its code, which the citizen typed. */
  | { source: typeof EMBED_MESSAGE_SOURCE; type: 'status-found'; code: string };

/** Messages a host may send: `request-resize` asks for a `resize` with the current height. */
export type HostMessage = { source: 'hoso-host'; type: 'request-resize' };

export function isHostMessage(value: unknown): value is HostMessage {
  const m = value as Partial<HostMessage> | null;
  return typeof m === 'object' && m !== null && m.source === 'hoso-host' && m.type === 'request-resize';
}
