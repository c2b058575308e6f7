// Which widget each field of the published forms gets, how units are searched, and what a failed upload says.
import type { FormDefinition } from '../../../../forms';
import { loadFormDefinitions } from '../../../../forms/node';
import { DEMO_UNITS } from '../../../../scripts/seed/demo-units';
import { foldVietnamese, searchUnits } from '../../../../web/shared/widgets/search-units';
import { selectCustomWidget, type CustomWidgetName } from '../../../../web/shared/widgets/select-custom-widget';
import type { UnitOption } from '../../../../web/shared/widgets/unit-option';
import { precheckUpload, uploadErrorMessage } from '../../../../web/shared/widgets/upload-error-message';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every field of a form with its schema and uiSchema, walking properties, items and conditional sections. */
function fields(schema: unknown, ui: unknown, pointer = ''): { pointer: string; schema: Node; ui: Node }[] {
  if (!isNode(schema)) return [];
  const uiNode = isNode(ui) ? ui : {};
  const out = [{ pointer, schema, ui: uiNode }];
  if (isNode(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties))
      out.push(...fields(sub, uiNode[name], `${pointer}/${name}`));
  }
  if (schema.items !== undefined) out.push(...fields(schema.items, uiNode.items, `${pointer}/*`));
  for (const list of [schema.allOf, schema.anyOf, schema.oneOf]) {
    if (Array.isArray(list))
      for (const sub of list) out.push(...fields(isNode(sub) ? sub.then : undefined, ui, pointer));
  }
  return out.filter((f, i) => i === 0 || f.pointer !== pointer);
}

let forms: FormDefinition[];
// Reading and checking every shipped form takes seconds on a loaded machine: more than jest's 5 s default.
beforeAll(async () => {
  forms = await loadFormDefinitions();
}, 30_000);

describe('selectCustomWidget', () => {
  it('gives every published field its widget from the markers the forms carry, and no other field a custom one', () => {
    const chosen: Record<CustomWidgetName | 'none', number> = {
      'vnd-amount': 0,
      'date-dmy': 0,
      'unit-picker': 0,
      'file-ref': 0,
      none: 0,
    };
    for (const form of forms) {
      for (const field of fields(form.schema, form.uiSchema)) {
        const options = field.ui['ui:options'];
        const widget = selectCustomWidget(field.schema, options);
        chosen[widget ?? 'none']++;
        const vnd = isNode(options) && options.unit === 'VND';
        expect({ at: `${form.key}@${form.version}${field.pointer}`, widget }).toEqual({
          at: `${form.key}@${form.version}${field.pointer}`,
          widget: vnd
            ? 'vnd-amount'
            : field.schema.format === 'date'
              ? 'date-dmy'
              : field.schema.format === 'unit-code'
                ? 'unit-picker'
                : undefined,
        });
        if (vnd) expect(field.schema.type).toBe('integer');
      }
    }
    expect(chosen['date-dmy']).toBeGreaterThanOrEqual(17);
    expect(chosen['unit-picker']).toBeGreaterThanOrEqual(9);
    expect(chosen['vnd-amount']).toBeGreaterThanOrEqual(10);
  });

  it('leaves enums, constants, other units and other formats to RJSF', () => {
    expect(selectCustomWidget({ type: 'integer' }, { unit: 'VND' })).toBe('vnd-amount');
    expect(selectCustomWidget({ type: ['integer', 'null'] }, { unit: 'VND' })).toBe('vnd-amount');
    expect(selectCustomWidget({ type: 'integer', enum: [1, 2] }, { unit: 'VND' })).toBeUndefined();
    expect(selectCustomWidget({ type: 'number' }, { unit: 'm2' })).toBeUndefined();
    expect(selectCustomWidget({ type: 'string' }, { unit: 'VND' })).toBeUndefined();
    expect(selectCustomWidget({ type: 'string', format: 'date' }, undefined)).toBe('date-dmy');
    expect(selectCustomWidget({ type: 'string', format: 'date-time' }, undefined)).toBeUndefined();
    expect(selectCustomWidget({ type: 'string', format: 'unit-code' }, {})).toBe('unit-picker');
    expect(selectCustomWidget({ type: 'integer', const: 20_000_000 }, { unit: 'VND' })).toBe('vnd-amount');
    expect(selectCustomWidget(undefined, undefined)).toBeUndefined();
  });
});

describe('searchUnits', () => {
  const units: UnitOption[] = DEMO_UNITS.map((u) => ({
    code: u._id,
    name: u.name,
    ...(u.nameEn ? { nameEn: u.nameEn } : {}),
    level: u.level,
    parent: u.parentCode,
    effectiveFrom: u.effectiveFrom,
    effectiveTo: u.effectiveTo,
    successor: u.successorCode,
    successors: [],
    inForce: u.effectiveTo === null,
    acceptsDossiers: u.effectiveTo === null,
  }));
  const found = (q: string) => searchUnits(units, q).map((u) => u.code);

  it('finds units by name without diacritics or case, by English name, and by code', () => {
    expect(foldVietnamese('Phường Đồng Mai')).toBe('phuong dong mai');
    expect(found('ha cau')).toEqual(['HN-HD-HC']);
    expect(found('HÀ CẦU')).toEqual(['HN-HD-HC']);
    expect(found('yen nghia').sort()).toEqual(['HN-HD-YN', 'HN-YENNGHIA']);
    expect(found('Yen Nghia ward').sort()).toEqual(['HN-HD-YN', 'HN-YENNGHIA']);
    expect(found('hn-hd-dn')).toEqual(['HN-HD-DN']);
    expect(found('phường dương')).toEqual(expect.arrayContaining(['HN-HD-DN', 'HN-DUONGNOI']));
    expect(found('kiến hưng hà cầu')).toEqual([]);
  });

  it('puts an exact code first, then names starting with the query, and lists everything by name for no query', () => {
    expect(found('HN')[0]).toBe('HN');
    expect(found('thanh pho')[0]).toBe('HN');
    const all = searchUnits(units, '', 100);
    expect(all).toHaveLength(units.length);
    expect(searchUnits(units, '', 3)).toHaveLength(3);
  });
});

describe('upload errors', () => {
  it('says what each refusal of POST /api/files means, in both languages', () => {
    expect(uploadErrorMessage(413, '', 'vi')).toBe('Tệp quá lớn: tối đa 8 MB.');
    expect(uploadErrorMessage(413, '', 'en')).toBe('The file is too large: 8 MB at most.');
    expect(uploadErrorMessage(415, 'x', 'vi')).toMatch(/JPEG, PNG, WebP hoặc tệp PDF/);
    expect(uploadErrorMessage(422, 'x', 'en')).toMatch(/does not match its type/);
    expect(uploadErrorMessage(401, 'x', 'vi')).toMatch(/đăng nhập/);
    expect(uploadErrorMessage(0, '', 'en')).toMatch(/connection/);
    expect(uploadErrorMessage(500, 'Lỗi máy chủ', 'vi')).toBe('Không tải lên được: Lỗi máy chủ');
  });

  it('refuses in the browser what the server would refuse by type or size', () => {
    expect(precheckUpload({ type: 'image/jpeg', size: 1000 })).toBeUndefined();
    expect(precheckUpload({ type: 'application/pdf', size: 8 * 1024 * 1024 })).toBeUndefined();
    expect(precheckUpload({ type: 'image/jpeg', size: 8 * 1024 * 1024 + 1 })).toBe(413);
    expect(precheckUpload({ type: 'image/gif', size: 10 })).toBe(415);
    expect(precheckUpload({ type: '', size: 10 })).toBe(415);
  });
});
