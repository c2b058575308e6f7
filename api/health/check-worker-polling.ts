import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';

export interface CheckWorkerPollingOptions {
  temporal: Pick<Client, 'workflowService' | 'options'>;
  taskQueue: string;
  /** A poller whose last poll is older than this counts as gone. */
  maxAgeMs: number;
  now: () => number;
}

/**
 * Whether a worker polls `taskQueue` for workflow tasks, from Temporal's DescribeTaskQueue: true when some poller's
 * last access is at most `maxAgeMs` old. Temporal lists a poller for 5 minutes after its last poll, also after the
 * worker died, so the age is what tells: the server records a poll when it starts and when it ends (also when the
 * worker's connection drops), and holds an idle poll for its long-poll interval (60 s by default; `npm start` runs
 * its dev server with 5 s), so `maxAgeMs` must be longer than that interval. Rejects when Temporal does not answer.
 */
export async function checkWorkerPolling(options: CheckWorkerPollingOptions): Promise<boolean> {
  const { pollers } = await options.temporal.workflowService.describeTaskQueue({
    namespace: options.temporal.options.namespace,
    taskQueue: { name: options.taskQueue, kind: proto.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  const newest = Math.max(
    ...(pollers ?? []).map((p) => {
      const t = p.lastAccessTime;
      return t ? Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : 0;
    }),
    0,
  );
  return newest > 0 && options.now() - newest <= options.maxAgeMs;
}
