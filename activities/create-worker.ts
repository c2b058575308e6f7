import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DossierActivities } from './dossier-activities';

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: DossierActivities;
  /** A prebuilt workflow bundle (tests build it once); without it the worker bundles `workflows/` itself. */
  workflowBundle?: { code: string };
}

/** A worker running the dossier workflow and its activities. */
export async function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = options.workflowBundle
    ? { workflowBundle: options.workflowBundle }
    : { workflowsPath: require.resolve('../workflows') };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...workflowSource,
  });
}
