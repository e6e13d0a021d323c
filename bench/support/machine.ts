import { availableParallelism, loadavg } from 'node:os';

/** Cores and the 1-minute load average: a load above the core count means someone else shared the CPU. */
export function machineLoad(): string {
  return `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)}`;
}
