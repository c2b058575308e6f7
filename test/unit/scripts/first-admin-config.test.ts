import { firstAdminConfigOf, weakPasswordReason } from '../../../scripts/seed/first-admin-config';

describe('the first administrator from the environment', () => {
  const complete = { HOSO_ADMIN_USERNAME: 'quantri', HOSO_ADMIN_PASSWORD: 'Xuân-2026!ngày-mới', HOSO_ADMIN_UNIT: 'BN' };

  it('is undefined when nothing is set, and read when everything is', () => {
    expect(firstAdminConfigOf({})).toBeUndefined();
    expect(firstAdminConfigOf({ ...complete, HOSO_ADMIN_UNIT_NAME: 'Tỉnh Bắc Ninh' })).toEqual({
      username: 'quantri',
      password: complete.HOSO_ADMIN_PASSWORD,
      unitCode: 'BN',
      unitName: 'Tỉnh Bắc Ninh',
    });
  });

  it('is refused when incomplete, naming what is missing', () => {
    expect(() => firstAdminConfigOf({ HOSO_ADMIN_USERNAME: 'quantri' })).toThrow(
      'the first administrator needs HOSO_ADMIN_PASSWORD or HOSO_ADMIN_PASSWORD_FILE, HOSO_ADMIN_UNIT',
    );
  });

  it('reads the password file without its trailing new line, and refuses an unreadable one', () => {
    expect(() =>
      firstAdminConfigOf({ ...complete, HOSO_ADMIN_PASSWORD_FILE: '/nonexistent/hoso-admin-password' }),
    ).toThrow('HOSO_ADMIN_PASSWORD_FILE cannot be read (ENOENT)');
  });

  it.each([
    ['demo1234', 'quantri', 'is the published demo password'],
    ['Ab1!xyz', 'quantri', 'is shorter than 12 characters'],
    ['aaaaaabbbbbb', 'quantri', 'has fewer than 6 different characters'],
    ['xx-Quantri-2026!', 'quantri', 'contains the username'],
    ['MyPassword-2026!', 'quantri', 'contains "password"'],
    ['matkhau-Tinh-2026', 'quantri', 'contains "matkhau"'],
  ])('refuses the password %s', (password, username, reason) => {
    expect(weakPasswordReason(password, username)).toBe(reason);
    expect(() =>
      firstAdminConfigOf({ ...complete, HOSO_ADMIN_USERNAME: username, HOSO_ADMIN_PASSWORD: password }),
    ).toThrow(reason);
  });

  it('accepts a long, varied password', () => {
    expect(weakPasswordReason(complete.HOSO_ADMIN_PASSWORD, 'quantri')).toBeUndefined();
  });
});
