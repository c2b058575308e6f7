/** A text in both languages the engine speaks. Structurally the same as the workflows' `LocalizedText`. */
export interface LocalizedText {
  vi: string;
  en: string;
}
