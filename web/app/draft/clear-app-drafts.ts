// Browser-safe and DOM-free: takes the Storage to use.

/** The part of the Web Storage API needed to find keys (localStorage has it). */
export interface EnumerableStorage {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

/**
 * Removes every form draft of `userId` (see appDraftKey), the administration forms' too (adminDraftKey): on logout,
 * so that what an officer typed about a household (names, citizen ids, addresses) or an administrator about users
 * and tokens does not stay readable on a shared office computer. Not on session expiry: then the officer signs in
 * again and carries on where they were.
 */
export function clearAppDrafts(userId: string, storageOf: () => EnumerableStorage | undefined): number {
  const prefix = `hoso-app-draft:${encodeURIComponent(userId)}:`;
  try {
    // Read inside the try: where storage is blocked, reading the property itself throws.
    const storage = storageOf();
    if (!storage) return 0;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
    return keys.length;
  } catch {
    return 0; // storage refused: nothing was kept either
  }
}
