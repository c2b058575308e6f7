import { createHash } from 'node:crypto';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

// The bad inputs of issue 12, each sent to a real API: refused with 422 at the field, in Vietnamese and English,
// with nothing stored; and one Idempotency-Key sent to three spellings of one route, which acts once.
const ctx = useTestSystem();
const PORTAL = 'https://cong-thong-tin.hanoi.example.vn';
const DAY = 86_400_000;

interface Field {
  path: string;
  keyword: string;
  message: string;
}

/** Sends the request twice, in Vietnamese and in English; both must be 422. Answers the fields of each. */
async function refused(method: string, path: string, body: unknown, as?: string, headers: Record<string, string> = {}) {
  const send = (lang: string) =>
    ctx.api.call(method, path, { ...(as ? { as } : {}), body, headers: { ...headers, 'accept-language': lang } });
  const [vi, en] = [await send('vi'), await send('en')];
  expect([vi.status, vi.body?.error?.code]).toEqual([422, 'validation_failed']);
  expect([en.status, en.body?.error?.code]).toEqual([422, 'validation_failed']);
  return { vi: vi.body.error.fields as Field[], en: en.body.error.fields as Field[] };
}

/** What a refused request must not have written. */
const stored = async () => ({
  submissions: await ctx.system.models.Submission.countDocuments({}),
  views: await ctx.system.models.DossierView.countDocuments({}),
  embedTokens: await ctx.system.models.EmbedToken.countDocuments({}),
  units: await ctx.system.models.Unit.countDocuments({}),
});

const createDossier = (data: Record<string, any>) => ({ processKey: 'housing-support-2024', data });

describe('bounded inputs', () => {
  describe.each([
    ['a NUL byte', 'Nguyễn\u0000Hoa', 'U+0000', 'ký tự điều khiển', 'control character'],
    ['a lone surrogate', 'Nguyễn \ud800Hoa', 'U+D800', 'UTF-16', 'surrogate'],
  ])('a name with %s', (_what, name, character, vi, en) => {
    it('is refused in a form submission at its field, and no dossier is stored', async () => {
      const before = await stored();
      const data = proposalIn('HN-HD-HC');
      data.household.headName = name;
      const fields = await refused('POST', '/api/dossiers', createDossier(data), 'xa.hacau');
      expect(fields.vi).toEqual([
        { path: '/data/household/headName', keyword: 'characters', message: expect.any(String) },
      ]);
      expect(fields.vi[0]!.message).toMatch(new RegExp(`^Họ và tên chủ hộ: .*${vi}.*${character.replace('+', '\\+')}`));
      expect(fields.en[0]).toMatchObject({ path: '/data/household/headName', keyword: 'characters' });
      expect(fields.en[0]!.message).toContain(en);
      expect(fields.en[0]!.message).toContain(character);
      expect(await stored()).toEqual(before);
    });

    it('is refused in an administrative request body at its field, and nothing is stored', async () => {
      const before = await stored();
      const fields = await refused(
        'POST',
        '/api/admin/units',
        { code: 'HN-THUNUL', name, level: 'commune', parentCode: 'HN', effectiveFrom: '2025-07-01' },
        'admin.hanoi',
      );
      expect(fields.vi).toEqual([{ path: '/name', keyword: 'characters', message: expect.stringContaining(vi) }]);
      expect(fields.en).toEqual([{ path: '/name', keyword: 'characters', message: expect.stringContaining(en) }]);
      expect(await stored()).toEqual(before);
    });
  });

  it('refuses a form definition holding a NUL byte before publishing it', async () => {
    const definition = await ctx.system.forms.get('housing-proposal@1');
    const candidate = structuredClone(definition) as any;
    candidate.version = 99;
    candidate.schema.$id = 'urn:hoso:form:housing-proposal@99';
    candidate.title.vi = 'Đề nghị\u0000hỗ trợ';
    const fields = await refused('POST', '/api/admin/forms', candidate, 'admin.hanoi');
    expect(fields.vi).toEqual([
      { path: '/title/vi', keyword: 'characters', message: '/title/vi: chứa ký tự không được phép (U+0000)' },
    ]);
    expect(fields.en).toEqual([
      {
        path: '/title/vi',
        keyword: 'characters',
        message: '/title/vi: contains a character that is not allowed (U+0000)',
      },
    ]);
    expect(await ctx.system.models.FormDefinition.exists({ _id: 'housing-proposal@99' })).toBeNull();
  });

  it.each(['9999-12-31', '0000-01-01'])('refuses the form date %s at its field, storing nothing', async (date) => {
    const before = await stored();
    const data = proposalIn('HN-HD-HC');
    data.commune.villageMeetingDate = date;
    const fields = await refused('POST', '/api/dossiers', createDossier(data), 'xa.hacau');
    expect(fields.vi).toEqual([
      { path: '/data/commune/villageMeetingDate', keyword: 'format', message: expect.stringContaining('31/12/2100') },
    ]);
    expect(fields.en).toEqual([
      {
        path: '/data/commune/villageMeetingDate',
        keyword: 'format',
        message: expect.stringContaining('from 01/01/1900 to 31/12/2100'),
      },
    ]);
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['a new unit in force from 0000-01-01', 'POST', '/api/admin/units', '/effectiveFrom'],
    ['a unit retired after 9999-12-31', 'POST', '/api/admin/units/HN-KIENHUNG/retire', '/effectiveTo'],
  ])('refuses %s at the date, leaving the registry unchanged', async (what, method, path, field) => {
    const before = await ctx.system.models.Unit.find({}).sort({ _id: 1 }).lean();
    const body = what.startsWith('a new unit')
      ? { code: 'HN-THU0', name: 'Phường Thử', level: 'commune', parentCode: 'HN', effectiveFrom: '0000-01-01' }
      : { effectiveTo: '9999-12-31' };
    const fields = await refused(method, path, body, 'admin.hanoi');
    expect(fields.vi).toEqual([{ path: field, keyword: 'format', message: expect.stringContaining('31/12/2100') }]);
    expect(fields.en).toEqual([{ path: field, keyword: 'format', message: expect.stringContaining('31/12/2100') }]);
    expect(await ctx.system.models.Unit.find({}).sort({ _id: 1 }).lean()).toEqual(before);
  });

  it('refuses a household unit code that exists nowhere at its field, storing nothing', async () => {
    const before = await stored();
    const fields = await refused('POST', '/api/dossiers', createDossier(proposalIn('ZZ-QQ-01')), 'xa.hacau');
    expect(fields.vi).toEqual([
      {
        path: '/data/household/address/unitCode',
        keyword: 'unitCode',
        message: expect.stringContaining('không có đơn vị hành chính mã ZZ-QQ-01'),
      },
    ]);
    expect(fields.en).toEqual([
      {
        path: '/data/household/address/unitCode',
        keyword: 'unitCode',
        message: expect.stringContaining('there is no administrative unit ZZ-QQ-01'),
      },
    ]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a household unit no longer in force for a unit of today, naming its successor', async () => {
    const before = await stored();
    const body = { processKey: 'housing-support-2025', data: proposalIn('HN-HD-HC') };
    const fields = await refused('POST', '/api/dossiers', body, 'xa2025.hadong');
    expect(fields.en).toEqual([
      {
        path: '/data/household/address/unitCode',
        keyword: 'unitCode',
        message: expect.stringMatching(/unit HN-HD-HC is not in force on .*\(its successor is HN-HADONG\)/),
      },
    ]);
    expect(await stored()).toEqual(before);
  });

  describe('embed tokens', () => {
    const token = (overrides: Record<string, unknown>) => ({
      label: 'Cổng thông tin phường Hà Cầu',
      processKey: 'housing-support-2024',
      unitCode: 'HN-HD-HC',
      origins: [PORTAL],
      expiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
      ...overrides,
    });

    it.each([
      ['an origin like http://a..b', { origins: [PORTAL, 'http://a..b'] }, '/origins/1', 'pattern'],
      ['an origin with a path', { origins: ['https://portal.example.vn/form'] }, '/origins/0', 'pattern'],
      ['an origin the URL parser rewrites', { origins: ['http://1.2.3'] }, '/origins/0', 'format'],
      [
        'a plain http origin that is not the loopback host',
        { origins: ['http://portal.example.vn'] },
        '/origins/0',
        'https',
      ],
      ['a wildcard origin', { origins: ['https://*.example.vn'] }, '/origins/0', 'pattern'],
      ['an expiry in 9999', { expiresAt: '9999-12-31T00:00:00Z' }, '/expiresAt', 'format'],
      [
        'an expiry more than 400 days away',
        { expiresAt: new Date(Date.now() + 401 * DAY).toISOString() },
        '/expiresAt',
        'maximum',
      ],
      ['a label with a NUL byte', { label: 'Cổng\u0000' }, '/label', 'characters'],
    ])('refuse %s at the field, storing no token', async (_what, overrides, path, keyword) => {
      const before = await stored();
      const fields = await refused('POST', '/api/admin/embed-tokens', token(overrides), 'admin.hanoi');
      expect(fields.vi).toEqual([{ path, keyword, message: expect.any(String) }]);
      expect(fields.en).toEqual([{ path, keyword, message: expect.any(String) }]);
      expect(fields.vi[0]!.message).not.toBe(fields.en[0]!.message);
      expect(await stored()).toEqual(before);
    });

    it('accept an expiry just under 400 days away and a well-formed origin with a port, and refuse bad form data', async () => {
      const created = await ctx.api.call('POST', '/api/admin/embed-tokens', {
        as: 'admin.hanoi',
        body: token({
          origins: ['HTTPS://Portal.Example.vn:8443'],
          expiresAt: new Date(Date.now() + 399 * DAY).toISOString(),
        }),
      });
      expect(created.status).toBe(201);
      expect(created.body.origins).toEqual(['https://portal.example.vn:8443']);
      // A form submitted through the token goes through the same checks as the officer's.
      const before = await stored();
      const data = proposalIn('ZZ-QQ-01');
      data.household.headName = 'Nguyễn\u0000Hoa';
      const fields = await refused('POST', `/api/embed/${created.body.token}/submissions`, { data }, undefined, {
        origin: 'https://portal.example.vn:8443',
      });
      expect(fields.en.map((f) => [f.path, f.keyword])).toEqual([
        ['/data/household/headName', 'characters'],
        ['/data/household/address/unitCode', 'unitCode'],
      ]);
      expect(await stored()).toEqual(before);
    });
  });

  it('scopes an Idempotency-Key by the route, not its spelling: three spellings create one dossier', async () => {
    const key = `spellings-${Date.now()}`;
    const body = createDossier(proposalIn('HN-HD-HC'));
    const before = await stored();
    const answers = [];
    for (const path of ['/api/dossiers/', '/api/dossiers?x=1', '/API/Dossiers']) {
      answers.push(await ctx.api.call('POST', path, { as: 'xa.hacau', body, headers: { 'idempotency-key': key } }));
    }
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.headers.get('idempotent-replayed'))).toEqual([null, 'true', 'true']);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);
    const after = await stored();
    expect(after.submissions - before.submissions).toBe(1);
    // The record's id is what the canonical spelling hashed to before keys were scoped by route: old records of
    // requests sent to the canonical URL are still found.
    const legacyId = createHash('sha256').update(`xa.hacau\nPOST\n/api/dossiers\n${key}`).digest('hex');
    expect(await ctx.system.models.IdempotencyRecord.findById(legacyId).lean()).toMatchObject({
      state: 'done',
      dossierId: answers[0]!.body.id,
    });
  });
});
