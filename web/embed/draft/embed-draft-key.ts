// Browser-safe and DOM-free.

/** The localStorage key of an embed's draft: one per token (the same key as before drafts moved to web/shared/). */
export function embedDraftKey(token: string): string {
  return `hoso-embed-draft:${token}`;
}
