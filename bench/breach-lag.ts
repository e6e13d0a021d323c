import { parseArgs } from 'node:util';
import { ticketWorkflowId } from '../workflows/ticket/ticket.contract.js';
import { breachTimings, waitForBreaches } from './support/breach-events.js';
import { startBenchStack } from './support/bench-stack.js';
import { machineLoad } from './support/machine.js';
import { runBounded } from './support/run-bounded.js';
import { formatTable, seconds, summarize } from './support/stats.js';
import { lastTimerFiredAt } from './support/timer-fired.js';
import { measureTimerLags, startTimerLagWorker } from './support/timer-lag.js';

// Issue 3: how late does a resolution breach land when 1,000 of them fall due within the same minute? Side by side with
// the lag of bare Temporal timers due at the very same (relative) instants on the same server, measured in this run.
// Usage: node dist/bench/breach-lag.js [--tickets 1000] [--concurrency 50] [--target-minutes 2] [--warnings 75,90|none]

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    'target-minutes': { type: 'string', default: '2' },
    // The default policy's thresholds: the warnings wake every workflow twice more just before its breach.
    warnings: { type: 'string', default: '75,90' },
  },
});
const tickets = Number(values.tickets);
const concurrency = Number(values.concurrency);
const targetMinutes = Number(values['target-minutes']);
const warningThresholds = values.warnings === 'none' ? [] : values.warnings.split(',').map(Number);
const GOAL_P99_MS = 1000;

console.log(
  `breach-lag: ${tickets} tickets, resolution target ${targetMinutes} min (24x7),` +
    ` warnings ${warningThresholds.length > 0 ? `at ${warningThresholds.join('/')} %` : 'none'}, creation concurrency ${concurrency}` +
    `\nmachine at start: ${machineLoad()}`,
);
const bench = await startBenchStack();
try {
  await bench.insertSlaPolicy({ resolutionMinutes: targetMinutes, warningThresholds });
  await startTimerLagWorker(bench);

  const creationStarted = performance.now();
  const openLatencies = await runBounded(tickets, concurrency, (index) => bench.openTicket(index));
  const creationMs = performance.now() - creationStarted;
  const open = summarize(openLatencies);
  console.log(
    `created ${tickets} tickets in ${seconds(creationMs)} s: ${Math.round((tickets / creationMs) * 1000)} tickets/s` +
      ` (openTicket p50 ${Math.round(open.p50)} ms, p99 ${Math.round(open.p99)} ms); waiting for the breaches…`,
  );
  await waitForBreaches(bench.dataSource, tickets, targetMinutes * 60_000 + creationMs + 180_000, bench.assertWorkersRunning);
  const breaches = await breachTimings(bench.dataSource);
  const machineAfterBreaches = machineLoad();

  // The baseline replays the breaches' schedule: same count, same spacing, same timer length, now on bare timers.
  const firstDeadline = Math.min(...breaches.map((breach) => breach.deadline));
  const spreadMs = Math.max(...breaches.map((breach) => breach.deadline)) - firstDeadline;
  console.log(`all ${breaches.length} sla_breached events written; deadlines spread over ${seconds(spreadMs)} s. Baseline timers running…`);
  const baselineStart = Date.now() + targetMinutes * 60_000;
  const timerLags = await measureTimerLags(
    bench,
    breaches.map((breach) => baselineStart + breach.deadline - firstDeadline),
    concurrency,
  );

  // After the baseline, so these history reads do not load the server while its timers fire.
  const ticketFiredLags = new Array<number>(breaches.length);
  await runBounded(breaches.length, concurrency, async (index) => {
    const { ticketId, deadline } = breaches[index];
    ticketFiredLags[index] = (await lastTimerFiredAt(bench.client, ticketWorkflowId(ticketId))) - deadline;
  });

  const row = (label: string, values: number[]) => {
    const { p50, p99, max } = summarize(values);
    return [label, Math.round(p50), Math.round(p99), Math.round(max)];
  };
  const detected = summarize(breaches.map((breach) => breach.detectedLagMs));
  console.log(`\nmachine after the breaches: ${machineAfterBreaches}; after the baseline: ${machineLoad()}\n`);
  console.log(
    formatTable(
      [`lag behind the due instant, ${tickets} due within ${seconds(spreadMs)} s`, 'p50 ms', 'p99 ms', 'max ms'],
      [
        row('baseline: bare timer fired (server, history)', timerLags.map((lag) => lag.firedLagMs)),
        row('baseline: bare timer woke its workflow', timerLags.map((lag) => lag.wokeLagMs)),
        row('ticket: breach timer fired (server, history)', ticketFiredLags),
        row('ticket: sla_breached detectedAt − deadline', breaches.map((breach) => breach.detectedLagMs)),
        row('ticket: breach write began (updated_at − deadline)', breaches.map((breach) => breach.writtenLagMs)),
      ],
    ),
  );
  console.log(`\ngoal: p99 of detectedAt − deadline under ${GOAL_P99_MS} ms: ${detected.p99 < GOAL_P99_MS ? 'met' : 'NOT met'}`);
} finally {
  await bench.stop();
}
