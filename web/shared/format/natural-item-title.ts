// Browser-safe and DOM-free.

/**
 * react-jsonschema-form titles each untitled item of an array `${title}-${n}` ("Nguồn kinh phí-1"); this writes it as
 * people do, in either language: "Nguồn kinh phí 1", "Funding source 1". Any other title is returned as it is.
 */
export function naturalItemTitle(title: string): string {
  return title.replace(/^(.*\S)-(\d+)$/u, '$1 $2');
}
