import { type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createEmailActivities, type OutboundMailSettings } from '../../activities/email/email.activities.js';
import { createRolloutMeasurementActivities } from '../../activities/rollout/rollout-measurements.activities.js';
import { createRolloutTimelineActivities } from '../../activities/rollout/rollout-timeline.activities.js';
import { createMigrationActivities } from '../../activities/migration/migration.activities.js';
import { requestLinkConfig } from '../../activities/email/request-links.js';
import { createRoutingActivities } from '../../activities/routing/routing.activities.js';
import { createSlaRulesActivities } from '../../activities/sla/sla-rules.activities.js';
import type { SurveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { createSurveyActivities } from '../../activities/surveys/survey.activities.js';
import { createProblemActivities } from '../../activities/tickets/problem.activities.js';
import { createServiceRequestActivities } from '../../activities/service-requests/service-request.activities.js';
import { createTicketLifecycleActivities } from '../../activities/tickets/ticket-lifecycle.activities.js';
import { preloadedWorkflowModules } from '../../libs/temporal/preloaded-workflow-modules.js';
import { workflowsEntryPath } from '../../libs/temporal/workflows-path.js';

export interface HelpdeskWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** Where customer mail goes. */
  mail: OutboundMailSettings;
  surveyLinks: SurveyLinkConfig;
  /** A prebuilt bundle (tests bundle once per run, preloading the same modules); omitted, the worker bundles the workflows itself. */
  workflowBundle?: WorkflowBundle;
  /** Bounds the worker's memory: each cached ticket holds about 0.55 MiB (bench/open-tickets-memory.ts). */
  maxCachedWorkflows: number;
}

/** Wires every activity to its real dependencies and registers the workflow bundle. */
export function createHelpdeskWorker(options: HelpdeskWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, dataSource, mail, surveyLinks, workflowBundle, maxCachedWorkflows } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    maxCachedWorkflows,
    ...(workflowBundle
      ? { workflowBundle }
      : { workflowsPath: workflowsEntryPath(), bundlerOptions: { preloadModules: preloadedWorkflowModules() } }),
    activities: {
      ...createTicketLifecycleActivities({ dataSource }),
      ...createProblemActivities({ dataSource, helpdeskAddress: mail.from }),
      ...createServiceRequestActivities({ dataSource }),
      ...createSlaRulesActivities({ dataSource }),
      ...createRoutingActivities({ dataSource }),
      ...createEmailActivities({ dataSource, mail, requestLinks: requestLinkConfig(surveyLinks), surveyLinks }),
      ...createRolloutTimelineActivities({ dataSource }),
      ...createRolloutMeasurementActivities({ dataSource }),
      ...createSurveyActivities({ dataSource, links: surveyLinks }),
      ...createMigrationActivities({ dataSource }),
    },
  });
}
