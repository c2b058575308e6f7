import type { FormDefinition } from './form-definition';
import { FormFields } from './form-fields';
import type { LocalizedText } from './localized-text';
import { uiSchemaAt } from './ui-schema-at';

function optionNames(names: unknown, enumValues: readonly unknown[]): Map<unknown, string> {
  const map = new Map<unknown, string>();
  if (Array.isArray(names)) {
    enumValues.forEach((value, i) => {
      if (typeof names[i] === 'string') map.set(value, names[i]);
    });
  } else if (typeof names === 'object' && names !== null) {
    // react-jsonschema-form ≥ 6.4 also accepts ui:enumNames as a map from value to name.
    for (const value of enumValues) {
      const name = (names as Record<string, unknown>)[String(value)];
      if (typeof name === 'string') map.set(value, name);
    }
  }
  return map;
}

/**
 * Values of the field at `fieldPointer` as a user reads them, quoted and joined with `conjunction`: option names
 * where the form gives them (Vietnamese: uiSchema `ui:enumNames`; English: `enumNames.en`), otherwise the raw value
 * (`“poor”`). Booleans read as có/không, yes/no.
 */
export function describeValues(
  form: FormDefinition,
  fieldPointer: string,
  values: readonly unknown[],
  conjunction: LocalizedText,
): LocalizedText {
  const field = FormFields.of(form.schema).get(fieldPointer);
  const enumValues = FormFields.keyword(field, 'enum');
  const list = Array.isArray(enumValues) ? enumValues : [];
  const names = {
    vi: optionNames(uiSchemaAt(form.uiSchema, fieldPointer)?.['ui:enumNames'], list),
    en: optionNames(form.enumNames?.en?.[fieldPointer], list),
  };
  const describe = (lang: keyof LocalizedText): string => {
    const quote = lang === 'vi' ? (s: string) => `“${s}”` : (s: string) => `"${s}"`;
    const words = values.map((value) => {
      const name = names[lang].get(value);
      if (name !== undefined) return quote(name);
      if (typeof value === 'boolean') return lang === 'vi' ? (value ? 'có' : 'không') : value ? 'yes' : 'no';
      if (typeof value === 'string') return quote(value);
      return JSON.stringify(value);
    });
    if (words.length <= 1) return words.join('');
    return `${words.slice(0, -1).join(', ')} ${conjunction[lang]} ${words[words.length - 1]}`;
  };
  return { vi: describe('vi'), en: describe('en') };
}
