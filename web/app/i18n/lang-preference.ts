// Browser-safe and DOM-free: takes the Storage to use.
import type { DraftStorage } from '../../shared/draft/create-draft-store';
import { parseLang, type Lang } from '../../shared/i18n/lang';

const KEY = 'hoso-app-lang';

/** The language the person chose last (Vietnamese until they pick English); storage that refuses means Vietnamese. */
export function loadLangPreference(storage: DraftStorage | undefined): Lang {
  try {
    return parseLang(storage?.getItem(KEY));
  } catch {
    return 'vi';
  }
}

export function saveLangPreference(storage: DraftStorage | undefined, lang: Lang): void {
  try {
    storage?.setItem(KEY, lang);
  } catch {
    // the choice lasts for this page only
  }
}
