import type { FormDefinition } from './form-definition';
import { FormFields } from './form-fields';
import type { LocalizedText } from './localized-text';

/**
 * How messages name the field at a data pointer: the schema's `title` in Vietnamese, `labels.en` in English. Inside
 * an array the row is named too: `Nguồn kinh phí (dòng 2) – Số tiền` / `Funding sources (row 2) – Amount`. The whole
 * submission is named by the form's title. In a language where some part has no label (or the pointer names no
 * declared field) the label is the data pointer itself, so a message never names the wrong field.
 */
export function fieldLabel(form: FormDefinition, dataPointer: string): LocalizedText {
  if (dataPointer === '') return { ...form.title };
  const { field, steps } = FormFields.of(form.schema).locate(dataPointer);
  if (!field) return { vi: dataPointer, en: dataPointer };

  const names: Record<keyof LocalizedText, (pointer: string) => string | undefined> = {
    vi: (pointer) => {
      const title = FormFields.keyword(FormFields.of(form.schema).get(pointer), 'title');
      return typeof title === 'string' ? title : undefined;
    },
    en: (pointer) => form.labels?.en?.[pointer],
  };
  const row = { vi: 'dòng', en: 'row' };

  const label = (lang: keyof LocalizedText): string => {
    const parts: string[] = [];
    let previous = '';
    for (const [i, step] of steps.entries()) {
      if (step.index !== undefined) {
        const arrayName = names[lang](previous);
        if (arrayName === undefined) return dataPointer;
        parts.push(`${arrayName} (${row[lang]} ${step.index + 1})`);
      } else if (i === steps.length - 1) {
        const leaf = names[lang](step.field.pointer);
        if (leaf === undefined) return dataPointer;
        parts.push(leaf);
      }
      previous = step.field.pointer;
    }
    return parts.join(' – ');
  };
  return { vi: label('vi'), en: label('en') };
}
