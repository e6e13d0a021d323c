import type { TelemetryOptions } from '@temporalio/worker';
import { isIPv6 } from 'node:net';
import type { AppConfig } from '../../../libs/config/app-config.js';

/**
 * The Temporal SDK's own metrics (workflow and activity task latencies, schedule-to-start, slots, sticky cache, polls),
 * exported by the SDK's core on its own Prometheus endpoint at HOST:TEMPORAL_METRICS_PORT/metrics; none without that
 * port. Named the Prometheus way, like the help desk's own: seconds, the unit in the name, `_total` on counters.
 * Goes to Runtime.install, before anything creates the runtime.
 */
export function temporalSdkTelemetry(config: Pick<AppConfig, 'host' | 'temporalMetricsPort'>): TelemetryOptions | undefined {
  if (config.temporalMetricsPort === undefined) return undefined;
  // The core parses a socket address: an IP, IPv6 in brackets (no host names).
  const host = isIPv6(config.host) ? `[${config.host}]` : config.host;
  return {
    metrics: {
      prometheus: {
        bindAddress: `${host}:${config.temporalMetricsPort}`,
        useSecondsForDurations: true,
        unitSuffix: true,
        countersTotalSuffix: true,
      },
    },
  };
}
