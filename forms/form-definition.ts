import type { AmountRule } from './amount-rule';
import type { LocalizedText } from './localized-text';

/** A JSON Schema 2020-12 object; only the keywords the engine itself relies on are spelled out. */
export interface FormSchema {
  $schema: string;
  /** `urn:hoso:form:<key>@<version>`. */
  $id: string;
  type: 'object';
  [keyword: string]: unknown;
}

/**
 * One published version of a step form, as stored in `forms/definitions/<key>@<version>.json` and checked by
 * `checkFormDefinition` (whose format schema is `form-definition.schema.json`). Immutable once published: a change
 * is a new version, and dossiers keep the version they were started with.
 *
 * Fields are named by **field pointer**: the JSON pointer of the field in the submitted data with `*` for any array
 * index, e.g. `/household/headName`, `/support/repairItems/*`.
 */
export interface FormDefinition {
  key: string;
  version: number;
  title: LocalizedText;
  /** The data's schema; titles and descriptions are Vietnamese. */
  schema: FormSchema;
  /**
   * react-jsonschema-form uiSchema (ui:order, ui:widget, ui:help, ui:enumNames with Vietnamese option names, ...).
   * `ui:options.unit` (`VND`, `m2`, `percent`) also tells the error messages how to write a number.
   */
  uiSchema: Record<string, unknown>;
  /** English labels by field pointer; a field without one is named by its path in English messages. */
  labels: { en: Record<string, string> };
  /** English option names by field pointer, in the order of the field's `enum`. */
  enumNames?: { en: Record<string, string[]> };
  /** Cross-field rules on amounts (lines that must add up to a total), checked with the schema; see `AmountRule`. */
  amountRules?: AmountRule[];
}
