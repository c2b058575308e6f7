import fc from 'fast-check';
import { mongo } from 'mongoose';

/**
 * fast-check arbitraries for the pushdown differential test: documents shaped like the dossier read model (the field
 * names its indexes use, see storage/dossier-view-schema.ts) whose values are sometimes of another BSON type,
 * and filters, sorts and writes over them. Values come from small pools so that equalities, ties and ranges hit; the
 * pools hold what our FerretDB patch treats specially: strings it pushes down (plain ASCII) and strings it must not
 * (quotes, backslashes, `<&>`, NUL, Vietnamese diacritics in NFC and NFD, other scripts, emoji), equal dates, ints,
 * doubles and longs that compare equal or nearly so, arrays (empty ones too), nested documents, booleans and null.
 *
 * Not generated: NaN (FerretDB v1 drops the connection on it) and ±Infinity (FerretDB v1 rejects them), both builds
 * alike; ObjectIds (the read model's _ids are strings).
 */

/** A document or filter as the driver takes it. */
export type Doc = Record<string, unknown>;

const STRINGS = [
  '',
  ' ',
  'a',
  'ab',
  'Z',
  '01001',
  '01002',
  'HN',
  'hn',
  'HS-0001',
  'commune_officer',
  'district_head',
  'received',
  'in_progress',
  'near_due',
  'Hà Đông',
  'Ha Dong',
  'hà đông',
  'Đắk Lắk',
  'Nguyễn Thị Hoa',
  'Nguye\u0302\u0303n', // "Nguyễn" decomposed (NFD): different bytes, different string
  'é',
  'e\u0301',
  "it's",
  'say "hi"',
  'back\\slash',
  '<&>',
  'a\u0000b',
  '日本',
  '😀',
];

const DATES = [
  Date.UTC(2025, 0, 1),
  Date.UTC(2025, 0, 1, 0, 0, 0, 1),
  Date.UTC(2025, 5, 30, 17),
  Date.UTC(1969, 11, 31, 23, 59, 59, 999),
  0,
];

/** Numbers whose BSON type is fixed (the driver sends an integral JS number as int32 when it fits, else as double). */
const NUMBERS: (() => unknown)[] = [
  () => 0,
  () => new mongo.Double(-0),
  () => 1,
  () => new mongo.Double(1),
  () => mongo.Long.fromNumber(1),
  () => -1,
  () => 2.5,
  () => -2.5,
  () => 0.1,
  () => 0.30000000000000004,
  () => 2147483647,
  () => new mongo.Double(2 ** 53),
  () => mongo.Long.fromString('9007199254740993'),
  () => mongo.Long.fromString('-9223372036854775808'),
];

export const stringValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);

/** Unit codes, roles, statuses: plain ASCII (what the pushdown takes for equality) from small pools, so they repeat. */
const codeOf = (...pool: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: stringValue });

export const unitValue = codeOf('01001', '01002', 'HN', 'hn');
export const roleValue = codeOf('commune_officer', 'district_head');
export const statusValue = codeOf('received', 'in_progress', 'awaiting_supplement', 'closed');
export const programmeValue = codeOf('bhyt', 'ho-ngheo', '');

export const dateValue: fc.Arbitrary<Date> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DATES).map((ms) => new Date(ms)) },
  {
    weight: 1,
    arbitrary: fc.date({
      min: new Date(Date.UTC(1960, 0, 1)),
      max: new Date(Date.UTC(2040, 0, 1)),
      noInvalidDate: true,
    }),
  },
);

export const numberValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS).map((make) => make()) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => new mongo.Double(d)) },
);

export const scalarValue: fc.Arbitrary<unknown> = fc.oneof(
  stringValue,
  dateValue,
  numberValue,
  fc.boolean(),
  fc.constant(null),
);

const arrayValue: fc.Arbitrary<unknown[]> = fc.oneof(
  fc.array(stringValue, { maxLength: 3 }),
  fc.array(dateValue, { maxLength: 3 }),
  fc.array(scalarValue, { maxLength: 3 }),
);

const nestedValue: fc.Arbitrary<Doc> = fc.record(
  {
    requested: fc.oneof(numberValue, fc.constant(null), scalarValue),
    name: fc.oneof(stringValue, scalarValue),
    tags: arrayValue,
  },
  { requiredKeys: [] },
);

/** Any value a field may hold: a scalar, an array of scalars or a small nested document. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalarValue },
  { weight: 2, arbitrary: arrayValue },
  { weight: 1, arbitrary: nestedValue },
);

/**
 * How far a collection's values stray from their fields' natural types: not at all, to other scalars, or to anything
 * (arrays and documents too). Tame and scalar collections matter as much as wild ones: only when no candidate holds
 * an array or a document in a sort field does the patched build return documents in SQL order (by its own rendering
 * of MongoDB's type order) and skip its own sort.
 */
type Strays = 'none' | 'scalars' | 'anything';

function field(natural: fc.Arbitrary<unknown>, strays: Strays): fc.Arbitrary<unknown> {
  const natural6 = { weight: 6, arbitrary: natural };
  const nil = { weight: 1, arbitrary: fc.constant(null) };
  if (strays === 'none') return fc.oneof(natural6, nil);
  return fc.oneof(natural6, nil, { weight: 3, arbitrary: strays === 'scalars' ? scalarValue : anyValue });
}

export const idValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 60 }).map((n) => `HS-${String(n).padStart(4, '0')}`) },
  { weight: 1, arbitrary: stringValue },
);

/** A signer key of the read model's sign-off fields, from the same pools as units and roles. */
function signerValue(): fc.Arbitrary<string> {
  return fc.tuple(roleValue, unitValue).map(([role, unit]) => `${role}@${unit}`);
}

/** The top-level fields documents and queries use (the read model's indexed ones and a few more). */
export const TOP_FIELDS = [
  'processingUnit',
  'currentRole',
  'dueAt',
  'status',
  'programme',
  'unitChain',
  'receivingUnit',
  'openedAt',
  'openProvince',
  'openDistrict',
  'openCommune',
  'openBucket',
  'closedAt',
  'closedOnTime',
  'seq',
  'amounts',
  'applicant',
  'signersAwaited',
  'signersSigned',
] as const;

/** Dotted paths into the nested documents (never pushed down: the handler alone answers them, in both builds). */
export const DOTTED_FIELDS = ['amounts.requested', 'applicant.name', 'amounts.tags'] as const;

type TopField = (typeof TOP_FIELDS)[number];

/** Each field's natural values, as the read model stores them. */
const NATURAL: Record<TopField, fc.Arbitrary<unknown>> = {
  processingUnit: unitValue,
  currentRole: roleValue,
  dueAt: dateValue,
  status: statusValue,
  programme: programmeValue,
  unitChain: fc.array(unitValue, { maxLength: 3 }),
  receivingUnit: stringValue,
  openedAt: dateValue,
  openProvince: unitValue,
  openDistrict: unitValue,
  openCommune: unitValue,
  openBucket: fc.constantFrom('not_due', 'near_due', 'overdue', 'stopped'),
  closedAt: dateValue,
  closedOnTime: fc.boolean(),
  seq: numberValue,
  amounts: nestedValue,
  applicant: nestedValue,
  // A sign-off step's signers as the inbox names them (read-model/sign-off-view-of.ts): `role@unitCode`.
  signersAwaited: fc.array(signerValue(), { maxLength: 3 }),
  signersSigned: fc.array(signerValue(), { maxLength: 3 }),
};

/** The values a query compares a path with, mostly ones that documents hold there. */
const OPERAND: Record<TopField | (typeof DOTTED_FIELDS)[number] | '_id', fc.Arbitrary<unknown>> = {
  ...NATURAL,
  unitChain: unitValue,
  signersAwaited: signerValue(),
  signersSigned: signerValue(),
  amounts: fc.oneof(nestedValue, scalarValue),
  applicant: fc.oneof(nestedValue, scalarValue),
  'amounts.requested': numberValue,
  'applicant.name': stringValue,
  'amounts.tags': scalarValue,
  _id: idValue,
};

function documentOf(strays: Strays): fc.Arbitrary<Doc> {
  const fields = Object.fromEntries(TOP_FIELDS.map((f) => [f, field(NATURAL[f], strays)]));
  return fc.record(
    {
      _id: idValue,
      ...fields,
      searchText: fc.constantFrom('hs-0001 nguyen thi hoa', 'hs-0002 tran van an', 'ha dong'),
    },
    { requiredKeys: ['_id'] },
  );
}

/** Up to 30 documents with distinct _ids, in one of the three `Strays` modes. */
export const documents: fc.Arbitrary<Doc[]> = fc
  .constantFrom<Strays>('none', 'scalars', 'anything')
  .chain((strays) => fc.uniqueArray(documentOf(strays), { selector: (d) => d._id, maxLength: 30, size: 'max' }));

const filterPath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOP_FIELDS) },
  { weight: 1, arbitrary: fc.constant('_id' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...DOTTED_FIELDS) },
);

/**
 * A condition on a path: equality, $eq, $ne, $in, $nin, ranges, $not of a range or $exists, mostly with values found
 * there.
 */
function conditionOn(path: keyof typeof OPERAND): fc.Arbitrary<unknown> {
  const value = fc.oneof({ weight: 4, arbitrary: OPERAND[path] }, { weight: 1, arbitrary: scalarValue });
  const rangeOperand = fc.oneof(
    { weight: 3, arbitrary: OPERAND[path] },
    { weight: 1, arbitrary: fc.oneof(stringValue, dateValue, numberValue) },
  );
  const low = fc.constantFrom('$gt', '$gte');
  const high = fc.constantFrom('$lt', '$lte');
  // A lower bound, an upper bound or both, each strict or not.
  const range = fc.oneof(
    fc.tuple(low, rangeOperand).map(([op, v]) => ({ [op]: v })),
    fc.tuple(high, rangeOperand).map(([op, v]) => ({ [op]: v })),
    fc.tuple(low, rangeOperand, high, rangeOperand).map(([op1, v1, op2, v2]) => ({ [op1]: v1, [op2]: v2 })),
  );
  return fc.oneof(
    { weight: 4, arbitrary: value },
    { weight: 1, arbitrary: anyValue },
    { weight: 2, arbitrary: value.map((v) => ({ $eq: v })) },
    { weight: 2, arbitrary: value.map((v) => ({ $ne: v })) },
    { weight: 3, arbitrary: fc.array(value, { minLength: 1, maxLength: 4 }).map((vs) => ({ $in: vs })) },
    { weight: 2, arbitrary: fc.array(value, { maxLength: 3 }).map((vs) => ({ $nin: vs })) },
    { weight: 4, arbitrary: range },
    { weight: 1, arbitrary: range.map((r) => ({ $not: r })) },
    { weight: 2, arbitrary: fc.boolean().map((b) => ({ $exists: b })) },
  );
}

/** One or more fields with a condition each, as an implicit AND. */
const fieldsFilter: fc.Arbitrary<Doc> = fc
  .uniqueArray(filterPath, { minLength: 1, maxLength: 2 })
  .chain((paths) => fc.tuple(...paths.map((p) => conditionOn(p).map((c) => [p, c] as const))))
  .map((entries) => Object.fromEntries(entries));

/** Filters of $and, $or and $nor, nested (kept small by fast-check's depth bias), mixed with implicit ANDs. */
export const filter: fc.Arbitrary<Doc> = fc.letrec<{ node: Doc }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fieldsFilter },
    {
      weight: 1,
      arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((branches) => ({ $and: branches })),
    },
    {
      weight: 2,
      arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((branches) => ({ $or: branches })),
    },
    {
      weight: 1,
      arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 2 }).map((branches) => ({ $nor: branches })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fieldsFilter, fc.array(tie('node'), { minLength: 1, maxLength: 2 }))
        .map(([fields, branches]) => ({ ...fields, $or: branches })),
    },
  ),
})).node;

/** A filter, or none (`{}`). */
export const optionalFilter: fc.Arbitrary<Doc> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 6, arbitrary: filter },
);

export type SortSpec = [string, 1 | -1][];

/** 1–3 sort fields (top-level mostly, a dotted path sometimes), each ascending or descending, maybe _id last. */
export const sortSpec: fc.Arbitrary<SortSpec> = fc
  .tuple(
    fc.uniqueArray(
      fc.tuple(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...TOP_FIELDS) },
          { weight: 1, arbitrary: fc.constant('amounts.requested') },
        ),
        fc.constantFrom(1 as const, -1 as const),
      ),
      { selector: ([f]) => f, minLength: 1, maxLength: 3 },
    ),
    fc.option(fc.constantFrom(1 as const, -1 as const)),
  )
  .map(([fields, idDir]) => (idDir === null ? fields : [...fields, ['_id', idDir]]));

export interface FindSpec {
  filter: Doc;
  sort: SortSpec | null;
  skip: number;
  /** 0: none. */
  limit: number;
  /** Small batches make the patched build's ordered SQL cursor live across getMore. */
  batchSize: number | undefined;
}

export const findSpec: fc.Arbitrary<FindSpec> = fc.record({
  filter: optionalFilter,
  sort: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: sortSpec }),
  skip: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }) }),
  limit: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }) }),
  batchSize: fc.option(fc.constantFrom(1, 2, 5), { nil: undefined }),
});

export type WriteSpec = { kind: 'updateMany'; filter: Doc; update: Doc } | { kind: 'deleteMany'; filter: Doc };

/** Top-level fields other than _id, for $set and $unset. */
const writableField = fc.constantFrom(...TOP_FIELDS, 'searchText');

/**
 * Updates that cannot fail on any document ($set and $unset of top-level fields, $inc of a field only $inc
 * writes): a failing updateMany stops part-way, and which documents it changed first is not specified.
 */
const update: fc.Arbitrary<Doc> = fc.oneof(
  fc.tuple(writableField, anyValue).map(([f, v]) => ({ $set: { [f]: v } })),
  writableField.map((f) => ({ $unset: { [f]: '' } })),
  fc.constant({ $inc: { touched: 1 } }),
  fc.tuple(writableField, anyValue).map(([f, v]) => ({ $set: { [f]: v }, $inc: { touched: 1 } })),
);

export const writeSpec: fc.Arbitrary<WriteSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('updateMany' as const), filter: optionalFilter, update }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteMany' as const), filter }) },
);
