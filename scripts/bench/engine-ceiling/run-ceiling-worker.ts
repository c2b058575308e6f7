// The worker of the raw ceiling (scripts/bench/engine-ceiling/workflows.ts), in a process of its own so that
// `npm run bench:engine` can read its CPU time: `node --import tsx run-ceiling-worker.ts` with TEMPORAL_ADDRESS and
// CEILING_TASK_QUEUE set. The workflows are bundled by the SDK (workflowsPath), as the engine's worker does; the
// one activity does nothing. Prints `ceiling worker ready` once polling; SIGINT/SIGTERM drain and exit.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS;
  const taskQueue = process.env.CEILING_TASK_QUEUE;
  if (!address || !taskQueue) throw new Error('TEMPORAL_ADDRESS and CEILING_TASK_QUEUE must be set');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE || 'default',
    taskQueue,
    workflowsPath: require.resolve('./workflows'),
    activities: { noop: async (_action: number) => undefined },
  });
  const running = worker.run(); // resolves after the SDK's own SIGINT/SIGTERM handling has drained the worker
  process.stdout.write('ceiling worker ready\n');
  await running;
  await connection.close();
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`ceiling worker failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  });
