// Browser-safe and DOM-free: takes the Storage to use.

/** What the embed keeps of a form being filled in, so that a reload or a crash loses nothing typed. */
export interface DraftStore {
  load(): unknown;
  save(data: unknown): void;
  clear(): void;
}

const PREFIX = 'hoso-embed-draft:';

/** The part of the Web Storage API a draft needs (localStorage has it). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * A draft per embed token in `storage` (localStorage: the iframe page's origin, or the host page's for
 * `<ho-so-form>`), kept until the dossier is received. Storage can be missing, full or refused (private modes,
 * blocked third-party storage): then nothing is kept and nothing fails.
 */
export function createDraftStore(token: string, storage: DraftStorage | undefined): DraftStore {
  const key = `${PREFIX}${token}`;
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return undefined;
        const parsed = JSON.parse(raw) as { v?: number; data?: unknown };
        return parsed.v === 1 ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save(data) {
      try {
        storage?.setItem(key, JSON.stringify({ v: 1, savedAt: new Date().toISOString(), data }));
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
