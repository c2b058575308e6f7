import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start`'s prestart (scripts/prestart.ts) run for real, with `bash` and `npm` on its PATH replaced by stubs that
// write down how they were called: with an instance running on the data folder it builds nothing.
const repo = join(__dirname, '..', '..', '..');
let dir: string;
let running: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hoso-prestart-'));
  for (const name of ['bash', 'npm']) {
    writeFileSync(join(dir, name), `#!/bin/sh\necho "${name} $*" >> "${join(dir, 'calls')}"\n`);
    chmodSync(join(dir, name), 0o755);
  }
});
afterEach(() => {
  running?.kill();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const prestart = (dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prestart.ts'], {
    cwd: repo,
    env: { ...process.env, HOSO_DATA_DIR: dataDir, PATH: `${dir}:${process.env.PATH}` },
    encoding: 'utf8',
  });
const calls = () => (existsSync(join(dir, 'calls')) ? readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n') : []);

describe('prestart', () => {
  it('installs the servers, then builds the web bundle, when no instance runs', () => {
    const result = prestart(join(dir, 'data'));
    expect(result.status).toBe(0);
    expect(calls()).toEqual(['bash scripts/install-servers.sh --skip-external', 'npm run build:web']);
  });

  it('says an instance is already running and builds nothing over its files', async () => {
    // A live process whose command line says `start`, holding the data folder's lock, as a running `npm start` does.
    running = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'start'], { stdio: 'ignore' });
    await new Promise((resolve) => running!.once('spawn', resolve));
    const data = join(dir, 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'hoso.lock'), `${running.pid}\n`);

    const result = prestart(data);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`hoso is already running (pid ${running.pid})`);
    expect(calls()).toEqual([]);
  });

  it('takes a lock left by a process that is gone as no instance', () => {
    const data = join(dir, 'data');
    mkdirSync(data, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(data, 'hoso.lock'), `${gone.stdout}\n`);
    expect(prestart(data).status).toBe(0);
    expect(calls()).toHaveLength(2);
  });
});
