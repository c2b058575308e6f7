// Browser-safe and DOM-free.
import type { Lang } from '../../shared/i18n/lang';
import type { FormDefinition } from '../../../forms/form-definition';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How the form names an option value of the field at `pointer` (`/household/povertyStatus`, `near_poor` → "Hộ cận
 * nghèo" / "Near-poor household"): `ui:enumNames` in Vietnamese, `enumNames.en` in English. The value itself when
 * the field is not an enum of `form` (or has no names), so a summary always shows something true.
 */
export function enumLabel(form: FormDefinition, pointer: string, value: unknown, lang: Lang): string {
  const names = pointer.split('/').slice(1);
  let schema: unknown = form.schema;
  let ui: unknown = form.uiSchema;
  for (const name of names) {
    schema = isNode(schema) && isNode(schema.properties) ? schema.properties[name] : undefined;
    ui = isNode(ui) ? ui[name] : undefined;
  }
  const options = isNode(schema) && Array.isArray(schema.enum) ? schema.enum : [];
  const index = options.indexOf(value);
  if (index < 0) return String(value ?? '');
  const labels = lang === 'en' ? form.enumNames?.en[pointer] : isNode(ui) ? (ui['ui:enumNames'] as unknown) : undefined;
  const label = Array.isArray(labels) ? labels[index] : undefined;
  return typeof label === 'string' ? label : String(value);
}
