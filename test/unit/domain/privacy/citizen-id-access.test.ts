import {
  isCitizenIdField,
  maskCitizenId,
  maskCitizenIds,
  needsFullCitizenId,
} from '../../../../domain/privacy/citizen-id-access';

describe('needsFullCitizenId', () => {
  it.each([
    [['commune_officer'], 'list', true],
    [['district_officer'], 'list', false],
    [['unit_head'], 'list', false],
    [['treasurer'], 'list', false],
    [['admin'], 'list', false],
    [['admin', 'commune_officer'], 'list', true],
    [['commune_officer'], 'detail', true],
    [['district_officer'], 'detail', true],
    [['province_officer'], 'detail', true],
    [['unit_head'], 'detail', true],
    [['treasurer'], 'detail', true],
    [['admin'], 'detail', false],
    [['portal'], 'detail', false],
    [[], 'detail', false],
  ] as const)('%j in a %s: %s', (roles, view, expected) => {
    expect(needsFullCitizenId(roles, view)).toBe(expected);
  });
});

describe('maskCitizenId', () => {
  it.each([
    ['001085012345', '0010******45'],
    ['123456789', '1234***89'],
    ['12345678', '********'],
    ['', ''],
  ])('%s → %s', (value, masked) => {
    expect(maskCitizenId(value)).toBe(masked);
  });
});

describe('maskCitizenIds', () => {
  const data = {
    household: { headName: 'Nguyễn Văn A', citizenId: '001085012345', members: [{ idNumber: '079203004567' }] },
    cccd: 1234567890,
    note: '001085012345 in free text is not a field',
  };

  it('masks every citizen-id field at any depth and leaves the rest', () => {
    expect(maskCitizenIds(data, false)).toEqual({
      household: { headName: 'Nguyễn Văn A', citizenId: '0010******45', members: [{ idNumber: '0792******67' }] },
      cccd: '1234****90',
      note: '001085012345 in free text is not a field',
    });
    expect(data.household.citizenId).toBe('001085012345');
  });

  it('returns the data itself for a reader who needs the full ids', () => {
    expect(maskCitizenIds(data, true)).toBe(data);
  });

  it.each(['citizenId', 'citizen_id', 'CCCD', 'cmnd', 'idNumber'])('knows %s as a citizen-id field', (name) => {
    expect(isCitizenIdField(name)).toBe(true);
  });

  it.each(['headName', 'citizenIdIssuedAt', 'id'])('does not take %s for one', (name) => {
    expect(isCitizenIdField(name)).toBe(false);
  });
});
