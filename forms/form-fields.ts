import { jsonPointer } from './json-pointer';

type SchemaObject = Record<string, unknown>;

/** One field of a form: a property at some depth of the data, or the items of an array (`*`). */
export interface FormField {
  /** Field pointer: JSON pointer in the data, `*` standing for any array index; `""` is the whole submission. */
  pointer: string;
  /** The field's name in its parent: a property name, `*` for array items; `""` for the root. */
  name: string;
  /** Field pointer of the enclosing field; `undefined` for the root. */
  parent: string | undefined;
  /**
   * Every object schema that declares or constrains the field, the unconditional declaration first, then those in
   * `allOf`/`anyOf`/`oneOf`/`then`/`else`/`dependentSchemas` branches and local `$ref` targets.
   */
  schemas: SchemaObject[];
  /** Where each of `schemas` sits inside the form's schema (JSON pointers, same order). */
  locations: string[];
  /** Names of the direct children (`*` for array items), in declaration order. */
  children: string[];
  /** Position in declaration order: depth first, unconditional declarations before conditional ones. */
  order: number;
}

/** The result of following a data pointer through the fields. */
export interface LocatedField {
  /** The field the pointer names; `undefined` when the pointer leaves the declared fields. */
  field: FormField | undefined;
  /** One step per token that matched a field: its data pointer, the field and, for array items, the index. */
  steps: Array<{ dataPointer: string; field: FormField; index?: number }>;
}

const isObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deeper than any real form; stops recursive schemas from describing infinitely many fields. */
const maxDepth = 24;

/**
 * The fields a form's schema declares, found by walking `properties` and `items` through the in-place applicators,
 * so conditional sections (declared only in a `then`) are fields too. Pure and browser-safe; computed once per
 * schema object and cached (schemas are immutable once published).
 *
 * The walk is defensive: it never throws on a malformed schema, it just finds fewer fields, so the publish check
 * can report other problems of a schema that does not compile.
 */
export class FormFields {
  private static readonly cache = new WeakMap<object, FormFields>();

  /** The fields of `schema` (cached by object identity). */
  static of(schema: object): FormFields {
    let fields = FormFields.cache.get(schema);
    if (!fields) {
      fields = new FormFields(schema as SchemaObject);
      FormFields.cache.set(schema, fields);
    }
    return fields;
  }

  /** The first value of `keyword` among the field's schemas (the unconditional declaration wins). */
  static keyword(field: FormField | undefined, keyword: string): unknown {
    for (const schema of field?.schemas ?? []) if (keyword in schema) return schema[keyword];
    return undefined;
  }

  private readonly byPointer = new Map<string, FormField>();
  private readonly list: FormField[] = [];

  private constructor(private readonly root: SchemaObject) {
    this.build('', '', undefined, [{ schema: root, location: '' }], 0);
  }

  /** The field with this field pointer. */
  get(pointer: string): FormField | undefined {
    return this.byPointer.get(pointer);
  }

  /** Every field, in declaration order, the root first. */
  all(): readonly FormField[] {
    return this.list;
  }

  /** The sub-schema at a JSON pointer inside the form's schema, if there is one. */
  schemaAt(location: string): unknown {
    let node: unknown = this.root;
    for (const token of jsonPointer.parse(location)) {
      if (Array.isArray(node)) node = node[Number(token)];
      else if (isObject(node)) node = node[token];
      else return undefined;
    }
    return node;
  }

  /**
   * Follows a data pointer (as in ajv's `instancePath`) through the fields: a token names a property, or, where
   * the field is an array, an index of its items. Never throws.
   */
  locate(dataPointer: string): LocatedField {
    const steps: LocatedField['steps'] = [];
    let field = this.byPointer.get('');
    let tokens: string[];
    try {
      tokens = jsonPointer.parse(dataPointer);
    } catch {
      return { field: undefined, steps };
    }
    let current = '';
    for (const token of tokens) {
      if (!field) break;
      current = jsonPointer.append(current, token);
      let next = this.byPointer.get(jsonPointer.append(field.pointer, token));
      let index: number | undefined;
      if (!next && /^(?:0|[1-9][0-9]*)$/.test(token)) {
        next = this.byPointer.get(jsonPointer.append(field.pointer, '*'));
        index = Number(token);
      }
      if (!next) return { field: undefined, steps };
      steps.push(
        index === undefined ? { dataPointer: current, field: next } : { dataPointer: current, field: next, index },
      );
      field = next;
    }
    return { field, steps };
  }

  private build(
    pointer: string,
    name: string,
    parent: string | undefined,
    declarations: Array<{ schema: unknown; location: string }>,
    depth: number,
  ): void {
    const expanded: Array<{ schema: SchemaObject; location: string }> = [];
    for (const { schema, location } of declarations) this.expand(schema, location, expanded, 0);
    const field: FormField = {
      pointer,
      name,
      parent,
      schemas: expanded.map((e) => e.schema),
      locations: expanded.map((e) => e.location),
      children: [],
      order: this.list.length,
    };
    this.byPointer.set(pointer, field);
    this.list.push(field);
    if (depth >= maxDepth) return;

    const children = new Map<string, Array<{ schema: unknown; location: string }>>();
    const add = (childName: string, schema: unknown, location: string) => {
      const list = children.get(childName) ?? [];
      list.push({ schema, location });
      children.set(childName, list);
    };
    for (const { schema, location } of expanded) {
      const properties = schema['properties'];
      if (isObject(properties)) {
        for (const [childName, childSchema] of Object.entries(properties)) {
          add(childName, childSchema, jsonPointer.append(jsonPointer.append(location, 'properties'), childName));
        }
      }
      if (isObject(schema['items'])) add('*', schema['items'], jsonPointer.append(location, 'items'));
    }
    field.children = [...children.keys()];
    for (const [childName, childDeclarations] of children) {
      this.build(jsonPointer.append(pointer, childName), childName, pointer, childDeclarations, depth + 1);
    }
  }

  /** The schema and the in-place sub-schemas that apply to the same data. */
  private expand(
    schema: unknown,
    location: string,
    out: Array<{ schema: SchemaObject; location: string }>,
    depth: number,
  ): void {
    if (!isObject(schema) || depth > maxDepth) return;
    out.push({ schema, location });
    const ref = schema['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      const target = decodeURIComponent(ref.slice(1));
      this.expand(this.schemaAt(target), target, out, depth + 1);
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const branches = schema[keyword];
      if (Array.isArray(branches)) {
        branches.forEach((branch, i) => this.expand(branch, `${location}/${keyword}/${i}`, out, depth + 1));
      }
    }
    for (const keyword of ['then', 'else']) this.expand(schema[keyword], `${location}/${keyword}`, out, depth + 1);
    const dependent = schema['dependentSchemas'];
    if (isObject(dependent)) {
      for (const [property, branch] of Object.entries(dependent)) {
        this.expand(branch, jsonPointer.append(`${location}/dependentSchemas`, property), out, depth + 1);
      }
    }
  }
}
