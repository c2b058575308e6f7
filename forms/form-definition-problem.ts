/** What kind of problem a form definition has; stable strings for tools and tests. */
export type FormDefinitionProblemCode =
  /** The file could not be read or parsed, or its name does not match its key and version (loader only). */
  | 'file'
  /** Two files define the same key@version (loader only). */
  | 'duplicate'
  /** The definition does not match form-definition.schema.json. */
  | 'shape'
  /** The schema's $id is not urn:hoso:form:<key>@<version>. */
  | 'schema-id'
  /** The schema does not compile with the shared ajv set-up (invalid schema, unknown keyword or format, ...). */
  | 'schema-compile'
  /** A field has no Vietnamese title in the schema. */
  | 'missing-title'
  /** A field has no English label in labels.en. */
  | 'missing-label'
  /** A uiSchema key, a labels.en or enumNames.en pointer, or a ui:order entry names no field. */
  | 'unknown-field'
  /** A ui:order leaves out fields without a "*" to place them. */
  | 'ui-order'
  /** ui:enumNames / enumNames.en do not match the field's enum. */
  | 'enum-names'
  /** ui:options.unit is not one of the known units. */
  | 'unit'
  /** A number field (an amount, a count) has no lower or no upper bound, nor a fixed value (const, enum). */
  | 'number-bounds'
  /** An amountRules pointer names no integer field (items: inside a list, total: outside it). */
  | 'amount-rule'
  /** An `x-audience` marker has an unknown value or stands where it is not allowed (see field-audience.ts). */
  | 'audience'
  /** An `x-citizen-description` is not at the schema's root or is not two non-empty texts (citizen-description.ts). */
  | 'citizen-description';

/**
 * One reason a form definition cannot be published. `path` is a JSON pointer into the definition document
 * (`/uiSchema/household/foo`, `/schema`); `source` is the file it came from, when loaded from disk.
 */
export interface FormDefinitionProblem {
  code: FormDefinitionProblemCode;
  path: string;
  message: string;
  source?: string;
}
