import { webOriginOf } from '../../../../api/embed/web-origin-of';

describe('webOriginOf', () => {
  it.each([
    ['https://cong-thong-tin.hanoi.gov.vn', 'https://cong-thong-tin.hanoi.gov.vn'],
    ['HTTPS://Cong-Thong-Tin.HaNoi.gov.vn', 'https://cong-thong-tin.hanoi.gov.vn'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['https://portal.example.vn:443', 'https://portal.example.vn'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['https://xn--h-2fa.vn', 'https://xn--h-2fa.vn'],
  ])('reads %s as the origin %s', (value, origin) => {
    expect(webOriginOf(value)).toBe(origin);
  });

  it.each([
    'http://a..b',
    'http://.a.vn',
    'http://a.vn.',
    'http://-a.vn',
    'http://a-.vn',
    `http://${'a'.repeat(64)}.vn`,
    'https://x.vn/',
    'https://x.vn/path',
    'https://x.vn?q=1',
    'https://x.vn#top',
    'https://user@x.vn',
    'ftp://x.vn',
    'javascript://x.vn',
    'https://x.vn:0',
    'https://x.vn:65536',
    'https://x.vn:080',
    'http://999.1.1.1',
    'http://1.2.3',
    'http://[0:0::1]',
    'https://hà-nội.vn',
    'not a url',
    '',
  ])('refuses %j', (value) => {
    expect(webOriginOf(value)).toBeUndefined();
  });
});
