// Preloaded into the API process by `npm run bench:engine` (`node --import tsx --import <this file>
// scripts/run-api.ts`)
// to count the Temporal round trips the API makes. It wraps the unary call of the grpc-js client that
// @temporalio/client uses (every WorkflowService call goes through it), so no engine code changes. On SIGUSR2 it
// prints one line, `grpc-calls {"<Service>/<Method>": count, …}` (totals since start), and keeps counting.
import { dirname } from 'node:path';

const PREFIX = 'grpc-calls '; // bench-engine.ts looks for it

const grpcPath = require.resolve('@grpc/grpc-js', { paths: [dirname(require.resolve('@temporalio/client'))] });
const grpc = require(grpcPath) as typeof import('@grpc/grpc-js');
const counts: Record<string, number> = {};
const original = grpc.Client.prototype.makeUnaryRequest;
grpc.Client.prototype.makeUnaryRequest = function countedUnaryRequest(
  this: unknown,
  method: string,
  ...rest: unknown[]
) {
  const name = method.replace(/^\/temporal\.api\.[a-z]+\.v1\./, '');
  counts[name] = (counts[name] ?? 0) + 1;
  return (original as (...args: unknown[]) => unknown).call(this, method, ...rest);
} as typeof original;

process.on('SIGUSR2', () => process.stdout.write(`${PREFIX}${JSON.stringify(counts)}\n`));
