import { parseArgs } from 'node:util';
import {
  compileRoutingRules,
  routeTicket,
  validateRoutingRule,
  type Calendars,
  type RoutableTicket,
  type RoutingDecision,
} from '../libs/domain/routing/index.js';
import { machineLoad } from './support/machine.js';
import { ROUTING_CALENDARS, routingRules, scenarioTickets } from './support/routing-corpus.js';
import { seededRandom } from './support/seeded-random.js';
import { formatTable, summarize } from './support/stats.js';

// Issue 4: how many routing decisions per second does one process make with 1,000 rules? Pure and in-process: the
// compiled rule set (what a caller routing many tickets keeps) side by side with routeTicket, which compiles the rules
// again for every ticket (what the routeTicket activity does per ticket), and with a floor that only lowercases and
// splits each ticket's text into words (the least any text rule set must do).
// Usage: node dist/bench/routing-throughput.js [--rules 1000] [--tickets 10000] [--seed 4] [--naive-tickets 2000]

const { values } = parseArgs({
  options: {
    rules: { type: 'string', default: '1000' },
    tickets: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '4' },
    // routeTicket per ticket is ~100x slower: a sample of the scenarios tells its rate as well as all of them.
    'naive-tickets': { type: 'string', default: '2000' },
  },
});
const ruleCount = Number(values.rules);
const ticketCount = Number(values.tickets);
const naiveCount = Math.min(Number(values['naive-tickets']), ticketCount);

const random = seededRandom(Number(values.seed));
const groupIds = Array.from({ length: 12 }, (_, index) => `group-${index}`);
const rules = routingRules(ruleCount, random, groupIds);
const tickets = scenarioTickets(ticketCount, random);
const known = { groupIds: new Set(groupIds), calendarIds: new Set(Object.keys(ROUTING_CALENDARS)) };
const invalid = rules.filter((rule) => validateRoutingRule(rule, known).length > 0).length;
const textLength = summarize(tickets.map((ticket) => ticket.subject.length + ticket.description.length));

console.log(
  `routing-throughput: ${ruleCount} rules (${invalid} refused by validateRoutingRule), ${ticketCount} tickets` +
    ` (subject + description p50 ${textLength.p50}, max ${textLength.max} characters), seed ${values.seed}` +
    `\nmachine: ${machineLoad()}, node ${process.version}`,
);

type Router = (ticket: RoutableTicket, calendars: Calendars) => unknown;

/** Routes every ticket once, timing each call; a first untimed pass over the same tickets warms the JIT up. */
function measure(route: Router, sample: readonly RoutableTicket[]): { totalMs: number; perDecisionMs: number[] } {
  for (const ticket of sample) route(ticket, ROUTING_CALENDARS);
  const perDecisionMs = new Array<number>(sample.length);
  const started = performance.now();
  for (let i = 0; i < sample.length; i++) {
    const before = performance.now();
    route(sample[i], ROUTING_CALENDARS);
    perDecisionMs[i] = performance.now() - before;
  }
  return { totalMs: performance.now() - started, perDecisionMs };
}

const compileStarted = performance.now();
const compiled = compileRoutingRules(rules);
const compileMs = performance.now() - compileStarted;

const floor: Router = (ticket) => `${ticket.subject}\n${ticket.description}`.toLowerCase().split(/[^\p{L}\p{N}_]+/u);
const runs: Array<[string, ReturnType<typeof measure>, number]> = [
  ['compiled once: compileRoutingRules(rules).route', measure((ticket, calendars) => compiled.route(ticket, calendars), tickets), ticketCount],
  ['baseline: routeTicket(rules, ticket) per ticket', measure((ticket, calendars) => routeTicket(rules, ticket, calendars), tickets.slice(0, naiveCount)), naiveCount],
  ['floor: lowercase + split the text only', measure(floor, tickets), ticketCount],
];

// Both routers must reach the same decisions; and where do the tickets land in the rule list?
const decisions: RoutingDecision[] = tickets.map((ticket) => compiled.route(ticket, ROUTING_CALENDARS));
const differing = tickets
  .slice(0, naiveCount)
  .filter((ticket, i) => JSON.stringify(routeTicket(rules, ticket, ROUTING_CALENDARS)) !== JSON.stringify(decisions[i])).length;
const winners = decisions.flatMap((decision) => (decision.matched ? [decision.rule.position] : []));
const at = summarize(winners);

console.log(
  `\ncompileRoutingRules(${ruleCount} rules): ${compileMs.toFixed(1)} ms once; ` +
    `${winners.length} of ${ticketCount} tickets matched a rule (${((winners.length / ticketCount) * 100).toFixed(1)} %), ` +
    `the rest go to the fallback queue; winning rule position p50 ${at.p50}, p99 ${at.p99} (every rule before it was tried)` +
    `\ncompiled and per-ticket routeTicket decisions differ on ${differing} of ${naiveCount} tickets\n`,
);
console.log(
  formatTable(
    ['router', 'rules', 'tickets', 'total ms', 'decisions/s', 'p50 µs', 'p99 µs', 'max µs'],
    runs.map(([label, { totalMs, perDecisionMs }, count]) => {
      const { p50, p99, max } = summarize(perDecisionMs);
      const us = (ms: number) => (ms * 1000).toFixed(1);
      return [label, ruleCount, count, Math.round(totalMs), Math.round((count / totalMs) * 1000), us(p50), us(p99), us(max)];
    }),
  ),
);
