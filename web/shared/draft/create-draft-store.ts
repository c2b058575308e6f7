// Browser-safe and DOM-free: takes the Storage to use.

/** What a form being filled in keeps, so that a reload or a crash loses nothing typed. */
export interface DraftStore {
  load(): unknown;
  save(data: unknown): void;
  clear(): void;
}

/** The part of the Web Storage API a draft needs (localStorage has it). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** How long an untouched draft is kept. */
export const DRAFT_MAX_AGE_DAYS = 30;

/**
 * A draft under `key` in `storage` (localStorage), kept until the form's data has been accepted. The embed keys
 * drafts by token (`hoso-embed-draft:<token>`), the officer app by user, dossier and step (see appDraftKey).
 * Storage can be missing, full or refused (private modes, blocked third-party storage): then nothing is kept and
 * nothing fails.
 */
export function createDraftStore(
  key: string,
  storage: DraftStorage | undefined,
  options: { maxAgeDays?: number; now?: () => Date } = {},
): DraftStore {
  const maxAgeMs = (options.maxAgeDays ?? DRAFT_MAX_AGE_DAYS) * 86_400_000;
  const now = options.now ?? (() => new Date());
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return undefined;
        const parsed = JSON.parse(raw) as { v?: number; savedAt?: string; data?: unknown };
        // A draft left for weeks (a shared computer, an abandoned form) is dropped rather than shown to whoever comes
        // next.
        if (parsed.savedAt && now().getTime() - Date.parse(parsed.savedAt) > maxAgeMs) {
          storage?.removeItem(key);
          return undefined;
        }
        return parsed.v === 1 ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save(data) {
      try {
        storage?.setItem(key, JSON.stringify({ v: 1, savedAt: now().toISOString(), data }));
      } catch {
        // quota or policy: the form still works, only without a draft
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // as above
      }
    },
  };
}

/** localStorage if this context may use it (reading the property itself throws where storage is blocked). */
export function availableLocalStorage(): DraftStorage | undefined {
  try {
    return (globalThis as { localStorage?: DraftStorage }).localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
