import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { breachTimings, countBreaches, waitForBreaches } from './support/breach-events.js';
import { startBenchStack } from './support/bench-stack.js';
import { machineLoad } from './support/machine.js';
import { memoryNow, startPeakSampler, type MemorySample } from './support/memory-sampler.js';
import { runBounded } from './support/run-bounded.js';
import { formatTable, mib, seconds, summarize } from './support/stats.js';

// Issue 3: what does the worker process hold with 10,000 open tickets, each waiting on its SLA timer? Side by side
// with the same process idle before the tickets. Every breach must still fire, evicted from the worker's cache or not.
// Usage: node dist/bench/open-tickets-memory.js [--tickets 10000] [--concurrency 50] [--target-minutes <tickets/800 + 3>]
//                                              [--settle-seconds 30]

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '50' },
    // Default: see targetMinutes below.
    'target-minutes': { type: 'string' },
    'settle-seconds': { type: 'string', default: '30' },
  },
});
const tickets = Number(values.tickets);
const concurrency = Number(values.concurrency);
// Every ticket must still be open and waiting when the memory is read, so the target outlasts creation (800 to 1,000
// tickets a minute on the idle 2-core dev machine) and the settling; not much longer, so the breaches come soon after.
const targetMinutes = Number(values['target-minutes'] ?? Math.ceil(tickets / 800) + 3);
const settleMs = Number(values['settle-seconds']) * 1000;
const GOAL_RSS_BYTES = 2 ** 30;
const IDLE_SETTLE_MS = 10_000;

console.log(
  `open-tickets-memory: ${tickets} tickets, resolution target ${targetMinutes} min (24x7), no warnings, creation concurrency ${concurrency}` +
    `\nmachine at start: ${machineLoad()}`,
);
const bench = await startBenchStack();
try {
  // No warnings: between creation and breach each workflow waits on exactly one timer.
  await bench.insertSlaPolicy({ resolutionMinutes: targetMinutes, warningThresholds: [] });
  const { maxCachedWorkflows, reuseV8Context } = bench.worker.options;
  const cached = () => bench.worker.getStatus().numCachedWorkflows;
  const rows: Array<[string, MemorySample, number]> = [];
  const sample = (label: string) => {
    const memory = memoryNow();
    rows.push([label, memory, cached()]);
    return memory;
  };

  await sleep(IDLE_SETTLE_MS);
  sample('baseline: worker idle, before the tickets');
  const peak = startPeakSampler();

  const creationStarted = performance.now();
  const openLatencies = await runBounded(tickets, concurrency, (index) => bench.openTicket(index));
  const creationMs = performance.now() - creationStarted;
  const open = summarize(openLatencies);
  console.log(
    `started ${tickets} ticket workflows in ${seconds(creationMs)} s: ${Math.round((tickets / creationMs) * 1000)} tickets/s` +
      ` (openTicket p50 ${Math.round(open.p50)} ms, p99 ${Math.round(open.p99)} ms)`,
  );
  sample(`all ${tickets} open, just started`);
  await sleep(settleMs);
  const settled = sample(`all ${tickets} open, ${seconds(settleMs)} s later`);
  const earlyBreaches = await countBreaches(bench.dataSource);
  const peakWhileOpen = peak.peakRss();
  const machineWhileOpen = machineLoad();

  console.log('waiting for every breach…');
  await waitForBreaches(bench.dataSource, tickets, targetMinutes * 60_000 + settleMs + 300_000, bench.assertWorkersRunning);
  sample(`after all ${tickets} breaches fired`);
  const breaches = await breachTimings(bench.dataSource);
  const lag = summarize(breaches.map((breach) => breach.detectedLagMs));
  peak.stop();

  console.log(`\nmachine while open: ${machineWhileOpen}; after the breaches: ${machineLoad()}`);
  // The cache size is WORKER_MAX_CACHED_WORKFLOWS; reuseV8Context is the SDK's default.
  console.log(`worker cache: maxCachedWorkflows = ${maxCachedWorkflows}, reuseV8Context = ${reuseV8Context}\n`);
  console.log(
    formatTable(
      ['worker process (this one)', 'RSS MiB', 'heap used MiB', 'cached workflows'],
      rows.map(([label, memory, inCache]) => [label, mib(memory.rss), mib(memory.heapUsed), inCache]),
    ),
  );
  console.log(`peak RSS while the tickets were started and open (1 Hz samples): ${mib(peakWhileOpen)} MiB`);
  if (earlyBreaches > 0) console.log(`note: ${earlyBreaches} breaches had fired before the settled sample; raise --target-minutes`);
  console.log(
    `\nbreaches: ${breaches.length} of ${tickets} sla_breached events written` +
      (tickets > maxCachedWorkflows ? ` (at least ${tickets - maxCachedWorkflows} of the workflows had been evicted from the cache)` : '') +
      `; detectedAt − deadline p50 ${lag.p50} ms, p99 ${lag.p99} ms, max ${lag.max} ms`,
  );
  const met = Math.max(settled.rss, peakWhileOpen) < GOAL_RSS_BYTES;
  console.log(`goal: RSS with all tickets open under 1 GiB: ${met ? 'met' : 'NOT met'} (peak ${mib(peakWhileOpen)} MiB)`);
} finally {
  await bench.stop();
}
