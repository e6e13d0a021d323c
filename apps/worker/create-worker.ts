import { type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createMigrationActivities } from '../../activities/migration/migration.activities.js';
import { createRoutingActivities } from '../../activities/routing/routing.activities.js';
import { createSlaRulesActivities } from '../../activities/sla/sla-rules.activities.js';
import { createTicketLifecycleActivities } from '../../activities/tickets/ticket-lifecycle.activities.js';
import { workflowsEntryPath } from '../../libs/temporal/workflows-path.js';

export interface HelpdeskWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** A prebuilt bundle (tests bundle once per run); omitted, the worker bundles the workflows itself. */
  workflowBundle?: WorkflowBundle;
}

/** Wires every activity to its real dependencies and registers the workflow bundle. */
export function createHelpdeskWorker(options: HelpdeskWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, dataSource, workflowBundle } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: workflowsEntryPath() }),
    activities: {
      ...createTicketLifecycleActivities({ dataSource }),
      ...createSlaRulesActivities({ dataSource }),
      ...createRoutingActivities({ dataSource }),
      ...createMigrationActivities({ dataSource }),
    },
  });
}
