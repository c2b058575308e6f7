import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { repoRoot } from './repo-root';

/** Absolute paths of the two server binaries. */
export interface ServerBinaries {
  readonly temporal: string;
  readonly ferretdb: string;
  /** FerretDB as released, without our patch: only with `withUpstream` (the storage tests compare the two). */
  readonly ferretdbUpstream?: string;
  /**
   * The launcher of Temporal's time-skipping test server (Java, from Maven Central): only with `withTestServer`,
   * for TestWorkflowEnvironment.createTimeSkipping's `existing-path` executable.
   */
  readonly temporalTestServer?: string;
}

/** Options of {@link resolveServerBinaries}. */
export interface ResolveServerBinariesOptions {
  /**
   * Skip the servers that the environment replaces: no Temporal CLI when TEMPORAL_ADDRESS is set, no FerretDB when
   * MONGODB_URI is set (so a user with their own servers needs no Go). Skipped paths are undefined.
   */
  readonly skipExternal?: boolean;
  /** Also build FerretDB as released (install-servers.sh --with-upstream) and return it as `ferretdbUpstream`. */
  readonly withUpstream?: boolean;
  /** Also install Temporal's time-skipping test server (install-servers.sh --with-test-server). */
  readonly withTestServer?: boolean;
  /** Aborting kills the install script, which then stops a build in progress and removes its temporary files. */
  readonly signal?: AbortSignal;
}

/**
 * Runs `scripts/install-servers.sh --print-paths` — the one place that knows versions, cache and PATH rules — and
 * returns the paths it prints. With both binaries cached this takes a fraction of a second; otherwise the script
 * builds them (minutes, first time only) and its progress appears on our stderr.
 *
 * Rejects when the script fails (no Go, build error: its own message and the build log's tail are already on
 * stderr), is aborted, or prints no path for a server it was asked for.
 */
export function resolveServerBinaries(): Promise<ServerBinaries>;
export function resolveServerBinaries(options: ResolveServerBinariesOptions): Promise<Partial<ServerBinaries>>;
export function resolveServerBinaries(options: ResolveServerBinariesOptions = {}): Promise<Partial<ServerBinaries>> {
  return new Promise((resolvePaths, reject) => {
    const script = join(repoRoot, 'scripts', 'install-servers.sh');
    const args = [
      script,
      '--print-paths',
      ...(options.skipExternal ? ['--skip-external'] : []),
      ...(options.withUpstream ? ['--with-upstream'] : []),
      ...(options.withTestServer ? ['--with-test-server'] : []),
    ];
    const child = spawn('bash', args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: repoRoot,
      ...(options.signal ? { signal: options.signal, killSignal: 'SIGTERM' as const } : {}),
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.once('error', (error) => reject(new Error(`could not run ${script}: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${script} failed (${signal ?? `exit code ${code}`}); see its output above`));
        return;
      }
      const values = new Map<string, string>();
      for (const line of stdout.split('\n')) {
        const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
        if (match?.[1]) values.set(match[1], match[2] ?? '');
      }
      const temporal = values.get('TEMPORAL_BIN') || undefined;
      const ferretdb = values.get('FERRETDB_BIN') || undefined;
      const ferretdbUpstream = values.get('FERRETDB_UPSTREAM_BIN') || undefined;
      const temporalTestServer = values.get('TEMPORAL_TEST_SERVER_BIN') || undefined;
      const missing = [
        !temporal && !(options.skipExternal && process.env.TEMPORAL_ADDRESS) ? 'TEMPORAL_BIN' : undefined,
        !ferretdb && !(options.skipExternal && process.env.MONGODB_URI) ? 'FERRETDB_BIN' : undefined,
        !ferretdbUpstream && options.withUpstream ? 'FERRETDB_UPSTREAM_BIN' : undefined,
        !temporalTestServer && options.withTestServer ? 'TEMPORAL_TEST_SERVER_BIN' : undefined,
      ].filter(Boolean);
      if (missing.length > 0) {
        reject(new Error(`${script} --print-paths printed no ${missing.join('/')}`));
        return;
      }
      resolvePaths({
        temporal,
        ferretdb,
        ...(ferretdbUpstream ? { ferretdbUpstream } : {}),
        ...(temporalTestServer ? { temporalTestServer } : {}),
      });
    });
  });
}
