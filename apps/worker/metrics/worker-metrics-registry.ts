import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Worker, WorkerStatus } from '@temporalio/worker';

/** What the worker reports of itself at scrape time, beside the process's figures. */
const STATUS_GAUGES: Array<{ name: string; help: string; read: (status: WorkerStatus) => number }> = [
  {
    name: 'helpdesk_worker_cached_workflows',
    help: "Workflows held in this worker's memory (bounded by WORKER_MAX_CACHED_WORKFLOWS)",
    read: (status) => status.numCachedWorkflows,
  },
  {
    name: 'helpdesk_worker_in_flight_workflow_activations',
    help: 'Workflow activations this worker is processing now',
    read: (status) => status.numInFlightWorkflowActivations,
  },
  {
    name: 'helpdesk_worker_in_flight_activities',
    help: 'Activities this worker is running now',
    read: (status) => status.numInFlightActivities,
  },
];

/**
 * The worker's own registry (not prom-client's global one, which the API of `npm start` would share): process figures
 * and the worker's status. Task latencies come from the Temporal SDK's exporter (temporal-sdk-telemetry.ts).
 */
export function createWorkerMetricsRegistry(worker: Pick<Worker, 'getStatus'>): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const { name, help, read } of STATUS_GAUGES) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(worker.getStatus()));
      },
    });
  }
  return registry;
}
