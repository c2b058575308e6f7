import { runningBanner } from '../../../scripts/lib/running-banner';

const base = {
  api: 'http://localhost:3000',
  temporalUi: 'http://localhost:8233',
  temporal: '127.0.0.1:7233 (namespace default)',
  mongoUri: 'mongodb://127.0.0.1:27018/hoso',
  dataDir: '/tmp/hoso',
};
const account = { username: 'xa.hacau', password: 'demo-password', roleLabel: 'Cán bộ xã', unitName: 'Phường Hà Cầu' };

describe('runningBanner', () => {
  it('says demo mode and lists the accounts in aligned columns', () => {
    const lines = runningBanner({ ...base, mode: 'demo', accounts: [account] });
    expect(lines.join('\n')).toContain('DEMO MODE');
    const header = lines.find((line) => line.includes('username'))!;
    const row = lines.find((line) => line.includes('xa.hacau'))!;
    expect(row.indexOf('demo-password')).toBe(header.indexOf('password'));
    expect(row.indexOf('Phường Hà Cầu')).toBe(header.indexOf('unit'));
  });

  it('in production names the mode and lists no accounts', () => {
    const text = runningBanner({ ...base, mode: 'production', accounts: [] }).join('\n');
    expect(text).toContain('hoso is running (production mode)');
    expect(text).not.toMatch(/Demo accounts|DEMO MODE/);
    expect(text).toContain('http://localhost:3000');
  });
});
