// Browser-safe and DOM-free.

/** The languages an embedded form speaks; Vietnamese unless English is asked for. */
export type Lang = 'vi' | 'en';

/** `en` (or `en-GB`, ...) picks English; anything else, or nothing, Vietnamese. */
export function parseLang(value: string | null | undefined): Lang {
  return value && /^en\b/i.test(value.trim()) ? 'en' : 'vi';
}
