// Test helper (not a test): a fast-check generator of near-valid submissions for any form definition, built from
// the form's example submissions and mutations derived from its schema, so forms added later are covered unchanged.
import fc from 'fast-check';
import { FormFields, type FormDefinition, type FormField } from '../../../forms';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const mutationKinds = [
  'delete',
  'wrongType',
  'numberBounds',
  'lengthBounds',
  'itemBounds',
  'badFormat',
  'extraProperty',
  'toggleEnum',
  'addField',
] as const;
type MutationKind = (typeof mutationKinds)[number];

/** One mutation, resolved against the data as it is when applied: `at` picks the place, `choice` the value. */
interface Mutation {
  kind: MutationKind;
  at: number;
  choice: number;
  text: string;
  number: number;
}

/** A place in the data: the value at `pointer`, held by `container` under `key` (absent for the root). */
interface Node {
  pointer: string;
  value: Json;
  container?: JsonObject | Json[];
  key?: string | number;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const jsonType = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** Sets an own property, also for names like `__proto__` (as JSON.parse would). */
const setOwn = (object: JsonObject, key: string, value: Json) =>
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });

/**
 * Near misses and valid alternatives for the formats forms use: off-by-one lengths, separators, wrong case, calendar
 * errors, prefixes that are not Vietnamese mobile networks. The first entries of each list are valid.
 */
const formatSamples: Record<string, { valid: string[]; invalid: string[] }> = {
  cccd: {
    valid: ['001085012345', '079203000001'],
    invalid: [
      '00108501234',
      '0010850123456',
      '00108501234a',
      ' 001085012345',
      '001085012345 ',
      '001-085-012345',
      '',
      '００１０８５０１２３４５',
    ],
  },
  'vn-phone': {
    valid: ['0912345678', '+84912345678', '02438253456', '0358765432'],
    invalid: [
      '091234567',
      '09123456789',
      '0112345678',
      '+8491234567',
      '84912345678',
      '0912 345 678',
      '0912.345.678',
      '1900123456',
      '0212345678',
      '+840912345678',
    ],
  },
  'unit-code': {
    valid: ['HN', 'HN-HD', 'HN-HD-HC', 'HCM-Q1-P01-KP2'],
    invalid: ['hn-hd', 'HN--HD', 'HN-HD-HC-XX-YY', '-HN', 'HN-', 'HN_HD', 'HN HD', 'HN-HĐ', ''],
  },
  date: {
    valid: ['2024-02-29', '2024-03-15', '2000-12-31'],
    invalid: [
      '2023-02-29',
      '2024-02-30',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '24-03-15',
      '2024/03/15',
      '15/03/2024',
      '2024-3-5',
      '2024-03-15T00:00:00Z',
      '',
    ],
  },
  'date-time': {
    valid: ['2024-03-15T08:30:00Z', '2024-03-15T08:30:00+07:00'],
    invalid: ['2024-03-15', '2024-03-15 08:30', '2024-03-15T25:00:00Z', '2024-02-30T08:30:00Z', ''],
  },
  email: { valid: ['can.bo@hanoi.gov.vn'], invalid: ['can.bo@', '@hanoi.gov.vn', 'can bo@hanoi.gov.vn', ''] },
  uri: {
    valid: ['https://dichvucong.gov.vn/ho-so/1'],
    invalid: ['dichvucong.gov.vn', 'https://exa mple.vn', '', '//x'],
  },
};

/** Characters for length bounds: one UTF-16 unit, a precomposed Vietnamese letter, a surrogate pair (one character). */
const lengthChars = ['a', 'ệ', '😀'];

const wrongTypeValues: Json[] = [null, true, false, 0, 42, -1.5, '', 'x', '42', [], {}, [1], { a: 1 }];
const extraNames = ['extra', 'constructor', '__proto__', 'toString', '', 'notes'];

class SubmissionMutator {
  private readonly fields: FormFields;
  private readonly fieldNames: string[];

  constructor(form: FormDefinition) {
    this.fields = FormFields.of(form.schema);
    this.fieldNames = [
      ...new Set(
        this.fields
          .all()
          .map((f) => f.name)
          .filter((n) => n !== '' && n !== '*'),
      ),
    ];
  }

  apply(example: Json, mutations: readonly Mutation[]): Json {
    let data = JSON.parse(JSON.stringify(example)) as Json;
    for (const mutation of mutations) data = this.applyOne(data, mutation);
    return data;
  }

  private applyOne(data: Json, m: Mutation): Json {
    const nodes = this.nodes(data);
    const inner = nodes.filter((n) => n.container !== undefined);
    const pick = <T>(list: readonly T[], n: number): T | undefined =>
      list.length > 0 ? list[n % list.length] : undefined;
    const replace = (node: Node | undefined, given: Json | undefined): Json => {
      if (!node || given === undefined) return data;
      // A copy: the candidate values (wrongTypeValues' `{}` and `[]`) are shared, and a later mutation of this
      // submission must not change them for every submission after it.
      const value = structuredClone(given);
      if (!node.container) return value;
      if (Array.isArray(node.container)) node.container[node.key as number] = value;
      else setOwn(node.container, node.key as string, value);
      return data;
    };

    switch (m.kind) {
      case 'delete': {
        const node = pick(inner, m.at);
        if (!node) return data;
        if (Array.isArray(node.container)) node.container.splice(node.key as number, 1);
        else delete (node.container as JsonObject)[node.key as string];
        return data;
      }
      case 'wrongType': {
        const node = pick(nodes, m.at);
        if (!node) return data;
        return replace(
          node,
          pick(
            wrongTypeValues.filter((v) => jsonType(v) !== jsonType(node.value)),
            m.choice,
          ),
        );
      }
      case 'numberBounds':
      case 'lengthBounds':
      case 'itemBounds': {
        const type = m.kind === 'numberBounds' ? 'number' : m.kind === 'lengthBounds' ? 'string' : 'array';
        const candidates = nodes
          .filter((node) => jsonType(node.value) === type)
          .map((node) => ({ node, values: this.boundValues(node) }))
          .filter((c) => c.values.length > 0);
        const target = pick(candidates, m.at);
        if (!target) return data;
        return replace(target.node, pick(type === 'number' ? [...target.values, m.number] : target.values, m.choice));
      }
      case 'badFormat': {
        const candidates = nodes
          .filter((node) => typeof node.value === 'string')
          .map((node) => ({ node, field: this.fieldAt(node.pointer) }))
          .filter(
            ({ field }) =>
              FormFields.keyword(field, 'format') !== undefined || FormFields.keyword(field, 'pattern') !== undefined,
          );
        const target = pick(candidates, m.at);
        if (!target) return data;
        const current = target.node.value as string;
        const format = FormFields.keyword(target.field, 'format');
        const samples = typeof format === 'string' ? formatSamples[format] : undefined;
        const examples = FormFields.keyword(target.field, 'examples');
        const values: Json[] = [
          ...(samples ? [...samples.invalid, ...samples.invalid, ...samples.valid] : []),
          ...(Array.isArray(examples) ? (examples as Json[]) : []),
          `${current} `,
          current.toLowerCase(),
          current.slice(0, -1),
          `${current}${m.text}`,
          m.text,
        ];
        return replace(target.node, pick(values, m.choice));
      }
      case 'extraProperty': {
        const node = pick(
          nodes.filter((n) => isObject(n.value)),
          m.at,
        );
        if (!node) return data;
        const name = pick([...extraNames, ...this.fieldNames], m.choice)!;
        const field = this.fieldAt(`${node.pointer}/${escape(name)}`) ?? this.fields.all().find((f) => f.name === name);
        setOwn(node.value as JsonObject, name, field ? this.plausible(field, m.choice, m.text) : m.text);
        return data;
      }
      case 'toggleEnum': {
        const candidates = nodes
          .map((node) => ({ node, values: this.enumValues(this.fieldAt(node.pointer)) }))
          .filter((c) => c.values.length > 0);
        const target = pick(candidates, m.at);
        if (!target) return data;
        const others = target.values.filter((v) => JSON.stringify(v) !== JSON.stringify(target.node.value));
        return replace(target.node, pick(others, m.choice));
      }
      case 'addField': {
        // A declared property that is absent (optional, conditional, or of the other branch), or one more array item.
        const slots: Array<{ field: FormField; put: (value: Json) => void }> = [];
        for (const node of nodes) {
          const field = this.fieldAt(node.pointer);
          const { value } = node;
          if (isObject(value) && field) {
            for (const name of field.children) {
              const child = this.fields.get(`${field.pointer}/${escape(name)}`);
              if (name !== '*' && child && !Object.prototype.hasOwnProperty.call(value, name)) {
                slots.push({ field: child, put: (v) => setOwn(value, name, v) });
              }
            }
          }
          const items = Array.isArray(value) ? this.fieldAt(`${node.pointer}/0`) : undefined;
          if (Array.isArray(value) && items) slots.push({ field: items, put: (v) => value.push(v) });
        }
        const slot = pick(slots, m.at);
        slot?.put(this.plausible(slot.field, m.choice, m.text));
        return data;
      }
    }
  }

  private nodes(data: Json): Node[] {
    const out: Node[] = [{ pointer: '', value: data }];
    const walk = (value: Json, pointer: string) => {
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          out.push({ pointer: `${pointer}/${i}`, value: item, container: value, key: i });
          walk(item, `${pointer}/${i}`);
        });
      } else if (isObject(value)) {
        for (const key of Object.keys(value)) {
          const pointerOfKey = `${pointer}/${escape(key)}`;
          out.push({ pointer: pointerOfKey, value: value[key]!, container: value, key });
          walk(value[key]!, pointerOfKey);
        }
      }
    };
    walk(data, '');
    return out;
  }

  private fieldAt(dataPointer: string): FormField | undefined {
    return this.fields.locate(dataPointer).field;
  }

  /** Every value of `keyword` among the field's declarations (a field restated in a `then` has several). */
  private all(field: FormField | undefined, keyword: string): unknown[] {
    return (field?.schemas ?? []).filter((s) => keyword in s).map((s) => (s as Record<string, unknown>)[keyword]);
  }

  private enumValues(field: FormField | undefined): Json[] {
    const values = [...this.all(field, 'enum').flat(), ...this.all(field, 'const')] as Json[];
    return values.filter((v, i) => values.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i);
  }

  /** Values on, just inside and just outside the field's bounds (numbers, lengths, item counts). */
  private boundValues(node: Node): Json[] {
    const field = this.fieldAt(node.pointer);
    const numbers = (keyword: string) => this.all(field, keyword).filter((v): v is number => typeof v === 'number');
    const values: Json[] = [];
    if (typeof node.value === 'number') {
      // Just outside each bound (the interesting side, listed twice), then on it.
      for (const bound of numbers('minimum')) values.push(bound - 1, bound - 1, bound);
      for (const bound of numbers('maximum')) values.push(bound + 1, bound + 1, bound);
      for (const bound of numbers('exclusiveMinimum')) values.push(bound, bound, bound + 1);
      for (const bound of numbers('exclusiveMaximum')) values.push(bound, bound, bound - 1);
      if (values.length > 0) values.push(0, -1, 1e15, node.value + 0.5);
    } else if (typeof node.value === 'string') {
      for (const length of [...numbers('minLength'), ...numbers('maxLength')]) {
        for (const n of [length - 1, length, length + 1].filter((l) => l >= 0)) {
          for (const char of lengthChars) values.push(char.repeat(n));
        }
      }
    } else if (Array.isArray(node.value)) {
      const items = node.value;
      const itemField = this.fieldAt(`${node.pointer}/0`);
      const itemAt = (i: number): Json =>
        items.length > 0
          ? JSON.parse(JSON.stringify(items[i % items.length]))
          : itemField
            ? this.plausible(itemField, i, '')
            : null;
      for (const length of [...numbers('minItems'), ...numbers('maxItems')]) {
        for (const n of [length - 1, length, length + 1].filter((l) => l >= 0))
          values.push(Array.from({ length: n }, (_, i) => itemAt(i)));
      }
      if (items.length > 0) values.push([...items, itemAt(0)]); // a repeated item, for uniqueItems
    }
    return values;
  }

  /** A value the field would plausibly hold: valid on its own, though maybe not where or when it is put. */
  private plausible(field: FormField, seed: number, text: string, depth = 0): Json {
    const constant = this.all(field, 'const')[0];
    if (constant !== undefined) return constant as Json;
    const options = this.enumValues(field);
    if (options.length > 0) return options[seed % options.length]!;
    const types = this.all(field, 'type')
      .flat()
      .filter((t) => t !== 'null') as string[];
    const numbers = (keyword: string) => this.all(field, keyword).filter((v): v is number => typeof v === 'number');
    switch (types[0]) {
      case 'string': {
        const format = FormFields.keyword(field, 'format');
        if (typeof format === 'string' && formatSamples[format])
          return formatSamples[format].valid[seed % formatSamples[format].valid.length]!;
        const examples = FormFields.keyword(field, 'examples');
        if (Array.isArray(examples) && typeof examples[0] === 'string') return examples[0];
        const max = Math.min(...numbers('maxLength'), 60);
        const base = `Nội dung ${text.replace(/\s+/g, ' ').trim() || 'thử'} ${seed}`;
        return base.slice(0, Math.max(max, 1));
      }
      case 'integer':
      case 'number': {
        const low = Math.max(...numbers('minimum'), ...numbers('exclusiveMinimum').map((v) => v + 1), -1e9);
        const high = Math.min(...numbers('maximum'), ...numbers('exclusiveMaximum').map((v) => v - 1), 1e9);
        return [low, high, Math.floor((low + high) / 2)][seed % 3]!;
      }
      case 'boolean':
        return seed % 2 === 0;
      case 'array': {
        const items = this.fields.get(`${field.pointer}/*`);
        const count = Math.max(1, ...numbers('minItems'));
        return items && depth < 6
          ? Array.from({ length: count }, (_, i) => this.plausible(items, seed + i, `${text} ${i}`, depth + 1))
          : [];
      }
      case 'object': {
        const object: JsonObject = {};
        const required = new Set(this.all(field, 'required').flat() as string[]);
        for (const name of field.children) {
          const child = this.fields.get(`${field.pointer}/${escape(name)}`);
          if (child && required.has(name) && depth < 6)
            setOwn(object, name, this.plausible(child, seed, text, depth + 1));
        }
        return object;
      }
      default:
        return text;
    }
  }
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...mutationKinds),
  at: fc.nat(),
  choice: fc.nat(),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12, unit: 'grapheme' })),
  number: fc.oneof(
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  ),
});

/**
 * Submissions for `form`: one of its `examples`, unchanged (about one in ten) or with one to three mutations —
 * a field deleted, a value of the wrong type, a number or length on or just past a bound, a near-miss for a format
 * or pattern, a property that is not allowed there (including fields of conditional sections and names like
 * `__proto__`), an option switched (which switches conditional sections on and off), an optional or conditional
 * field added. Values are JSON only, as a submission arrives.
 */
export function submissionArbitrary(form: FormDefinition, examples: readonly Json[]): fc.Arbitrary<Json> {
  const mutator = new SubmissionMutator(form);
  return fc
    .tuple(
      fc.constantFrom(...examples),
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 9, arbitrary: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }) },
      ),
    )
    .map(([example, mutations]) => mutator.apply(example, mutations));
}
