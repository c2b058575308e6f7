import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How to start a {@link ManagedProcess}. */
export interface ManagedProcessOptions {
  /** Short name, used as the `[name]` prefix of every output line and in error messages. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Where the child's output goes: `'prefix'` (default) copies each line to our stdout/stderr as `[name] line`;
   * `'silent'` only keeps it in the tail buffer (see {@link ManagedProcess.outputTail}) for error messages.
   */
  readonly output?: 'prefix' | 'silent';
  /** How long {@link ManagedProcess.stop} waits after SIGTERM before it sends SIGKILL. Default 10 s. */
  readonly stopTimeoutMs?: number;
  /**
   * Stop copying output once {@link ManagedProcess.stop} was called (it stays in the tail buffer). For servers whose
   * shutdown is all warnings about their own closed connections.
   */
  readonly quietWhenStopping?: boolean;
  /** Called with every line the child prints (stdout and stderr), e.g. to wait for a readiness line. */
  readonly onLine?: (line: string) => void;
}

/** How a child ended: exit code, or the signal that killed it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const TAIL_LINES = 40;
/** Every ManagedProcess that has not exited yet; the parent's 'exit' hook signals them. */
const running = new Set<ManagedProcess>();
let exitHookInstalled = false;

/**
 * A child process that never outlives its parent.
 *
 * The child runs in its own process group (`detached`), so a terminal Ctrl-C reaches only the parent, which then
 * stops children in the order it chooses; and `stop()` can signal grandchildren too (tsx starts a second node).
 * Three layers make sure children die with the parent:
 *  - `stop()`: SIGTERM to the child, then SIGKILL to its whole group after `stopTimeoutMs`;
 *  - the parent's `process.on('exit')` hook sends SIGTERM to every group still running (covers uncaught errors and
 *    `process.exit()` without a proper shutdown);
 *  - a tiny bash watchdog per child polls the parent PID every second and, once the parent is gone (even after a
 *    SIGKILL, which runs no hooks), sends SIGTERM to the group and SIGKILL 5 s later.
 */
export class ManagedProcess {
  /** Resolves once the child has exited (never rejects; a failure to spawn resolves with code null). */
  readonly exited: Promise<ProcessExit>;
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly stopTimeoutMs: number;
  private readonly tail: string[] = [];
  private exitInfo: ProcessExit | undefined;
  private stopping = false;

  private constructor(options: ManagedProcessOptions) {
    this.name = options.name;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.child = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise<ProcessExit>((resolve) => {
      this.child.once('error', (error) => {
        this.remember(`failed to start ${options.command}: ${error.message}`);
        this.exitInfo ??= { code: null, signal: null };
        running.delete(this);
        resolve(this.exitInfo);
      });
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        running.delete(this);
        // Leftover grandchildren of a child that exited on its own would otherwise be orphaned.
        this.signalGroup('SIGKILL');
        resolve(this.exitInfo);
      });
    });
    const prefix = options.output !== 'silent';
    const quietWhenStopping = options.quietWhenStopping ?? false;
    this.pipeLines(this.child.stdout, prefix ? process.stdout : undefined, quietWhenStopping, options.onLine);
    this.pipeLines(this.child.stderr, prefix ? process.stderr : undefined, quietWhenStopping, options.onLine);
    if (this.child.pid !== undefined) {
      running.add(this);
      installExitHook();
      startWatchdog(this.child.pid);
    }
  }

  /** Starts the child. Spawn errors (e.g. missing binary) surface through {@link exited}, not as exceptions. */
  static start(options: ManagedProcessOptions): ManagedProcess {
    return new ManagedProcess(options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The exit of a child that has ended, undefined while it runs. */
  get exit(): ProcessExit | undefined {
    return this.exitInfo;
  }

  /** True once {@link stop} has been called: an exit after that is expected, not a crash. */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** The last lines the child printed, for error messages when it dies or never becomes ready. */
  outputTail(): string {
    return this.tail.join('\n');
  }

  /** "exited with code 1" / "was killed by SIGKILL", for messages. */
  describeExit(): string {
    const exit = this.exitInfo;
    if (!exit) return 'is running';
    if (exit.signal) return `was killed by ${exit.signal}`;
    return exit.code === null ? 'could not be started' : `exited with code ${exit.code}`;
  }

  /**
   * Stops the child: SIGTERM, wait up to `stopTimeoutMs` (default 10 s) for a clean exit, then SIGKILL to the
   * whole process group and wait for that. Safe to call more than once and after the child has exited.
   * `force` skips the grace period (second Ctrl-C).
   */
  async stop(options: { force?: boolean } = {}): Promise<ProcessExit> {
    this.stopping = true;
    if (this.exitInfo) return this.exitInfo;
    if (options.force) {
      this.signalGroup('SIGKILL');
      return this.exited;
    }
    this.signalLeader('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.stopTimeoutMs);
    });
    const first = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (first === 'timeout') {
      process.stderr.write(`[${this.name}] did not stop within ${this.stopTimeoutMs} ms; killing it\n`);
      this.signalGroup('SIGKILL');
    }
    return this.exited;
  }

  /** Sends SIGTERM to the group without waiting; used by the parent's exit hook, which cannot wait. */
  terminateNow(): void {
    this.signalGroup('SIGTERM');
  }

  private signalLeader(signal: NodeJS.Signals): void {
    try {
      if (this.child.pid !== undefined) process.kill(this.child.pid, signal);
    } catch {
      // ESRCH: already gone.
    }
  }

  private signalGroup(signal: NodeJS.Signals): void {
    try {
      if (this.child.pid !== undefined) process.kill(-this.child.pid, signal);
    } catch {
      // ESRCH: the group is empty.
    }
  }

  private remember(line: string): void {
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
  }

  private pipeLines(
    stream: NodeJS.ReadableStream | null,
    target: NodeJS.WriteStream | undefined,
    quietWhenStopping: boolean,
    onLine: ((line: string) => void) | undefined,
  ): void {
    if (!stream) return;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('line', (line) => {
      this.remember(line);
      onLine?.(line);
      if (quietWhenStopping && this.stopping) return;
      target?.write(`[${this.name}] ${line}\n`);
    });
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.terminateNow();
  });
}

/**
 * Starts a detached bash loop that outlives us on purpose: while our PID exists and the child's group has members,
 * it sleeps; when we are gone it sends SIGTERM to the group, then SIGKILL after 5 s. It exits by itself once the
 * group is empty, so it costs one `sleep` per second per child and nothing after.
 */
function startWatchdog(childPid: number): void {
  const script = [
    'parent=$1; group=$2',
    'while kill -0 "$parent" 2>/dev/null; do',
    '  kill -0 -- "-$group" 2>/dev/null || exit 0',
    '  sleep 1',
    'done',
    'kill -TERM -- "-$group" 2>/dev/null || exit 0',
    'for _ in 1 2 3 4 5; do sleep 1; kill -0 -- "-$group" 2>/dev/null || exit 0; done',
    'kill -KILL -- "-$group" 2>/dev/null || true',
  ].join('\n');
  const watchdog = spawn('bash', ['-c', script, 'hoso-watchdog', String(process.pid), String(childPid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.on('error', () => {
    // No bash: the exit hook and stop() still cover every exit except SIGKILL of the parent.
  });
  watchdog.unref();
}
