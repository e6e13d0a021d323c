import { Injectable } from '@nestjs/common';
import { ticketTypeOrDefault } from '../../../libs/domain/tickets/ticket-type.js';
import { DataSource } from 'typeorm';
import type { BusinessCalendar } from '../../../libs/domain/calendar/index.js';
import {
  chooseAgent,
  compileRoutingRules,
  simulationReport,
  validateRoutingRule,
  type Calendars,
  type RoutableTicket,
  type RoutingRule,
} from '../../../libs/domain/routing/index.js';
import { TICKET_LIMITS } from '../../../libs/domain/tickets/ticket-fields.js';
import { invalidInput } from '../sla-config/config-errors.js';
import { AgentsService } from './agents.service.js';
import { ROUTING_LIMITS } from './dto/routing-limits.js';
import type { RoutingRuleDraftInput } from './dto/routing-rule.input.js';
import type { RoutingScenarioInput } from './dto/routing-scenario.input.js';
import type { RoutingScenarioResultModel, RoutingSimulationModel } from './models/simulation.model.js';
import { toCriteria, toResult } from './routing-rule-input.js';
import { routingReferences, RoutingRulesService } from './routing-rules.service.js';

/**
 * Runs realistic tickets through the active rule set (or a draft one) exactly as routing would, against the business
 * calendars and the agents as they are now; nothing is written.
 */
@Injectable()
export class SimulatorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RoutingRulesService,
    private readonly agents: AgentsService,
  ) {}

  async simulate(scenarios: RoutingScenarioInput[], draftRules?: RoutingRuleDraftInput[] | null): Promise<RoutingSimulationModel> {
    if (scenarios.length > ROUTING_LIMITS.scenariosMax) {
      throw invalidInput([`At most ${ROUTING_LIMITS.scenariosMax} scenarios per simulation; got ${scenarios.length}. Split the file.`]);
    }
    if (draftRules && draftRules.length > ROUTING_LIMITS.draftRulesMax) {
      throw invalidInput([`At most ${ROUTING_LIMITS.draftRulesMax} draft rules; got ${draftRules.length}.`]);
    }
    const manager = this.dataSource.manager;
    const groups: Array<{ id: string; name: string; is_fallback: boolean }> = await manager.query('SELECT id, name, is_fallback FROM groups');
    const groupNames = new Map(groups.map((g) => [g.id, g.name]));
    const groupIdsByName = new Map(groups.map((g) => [g.name.toLowerCase(), g.id]));
    const fallback = groups.find((g) => g.is_fallback);
    if (!fallback) throw new Error('The fallback group is missing (the routing migration creates it).');

    const problems: string[] = [];
    const expectations = scenarios.map((scenario, index) => expectedGroup(scenario, index, groupNames, groupIdsByName, problems));
    scenarios.forEach((scenario, index) => problems.push(...scenarioProblems(scenario, index)));
    const rules = draftRules ? await this.draft(draftRules, problems) : await this.rules.activeRules();
    if (problems.length > 0) throw invalidInput(problems);

    const compiled = compileRoutingRules(rules);
    const calendars = await loadCalendars(this.dataSource);
    const agents = await this.agents.snapshots();
    // Agents as they are now (availability, load, working hours), whatever a scenario's arrival time.
    const now = Date.now();
    const results = scenarios.map((scenario, index): RoutingScenarioResultModel => {
      const ticket = toTicket(scenario);
      const decision = compiled.route(ticket, calendars);
      const groupId = decision.matched ? decision.groupId : fallback.id;
      const requiredSkills = decision.matched ? decision.requiredSkills : [];
      const choice = chooseAgent(agents, { groupId, requiredSkills }, now);
      const expected = expectations[index];
      return {
        index,
        name: scenario.name ?? null,
        matchedRule: decision.matched ? { id: decision.rule.id, name: decision.rule.name } : null,
        reasons: decision.matched ? decision.reasons : [decision.reason],
        group: { id: groupId, name: groupNames.get(groupId) ?? groupId },
        priority: decision.matched ? decision.priority : ticket.priority,
        tags: decision.matched ? decision.tags : [],
        requiredSkills: requiredSkills.map(({ skill, minLevel }) => ({ skill, minLevel })),
        agent: choice.agent ? { userId: choice.agent.id, displayName: choice.agent.name ?? choice.agent.id } : null,
        agentReason: choice.reason,
        expectedGroupId: expected ?? null,
        metExpectation: expected === undefined ? null : expected === groupId,
      };
    });
    const overall = simulationReport(
      results.map((r) => ({ groupId: r.group.id, ...(r.expectedGroupId === null ? {} : { expectedGroupId: r.expectedGroupId }) })),
    );
    return { draft: Boolean(draftRules), results, overall, problems: [...compiled.problems] };
  }

  /** The draft rules as domain rules, each checked by the domain's validator (problems named by rule). */
  private async draft(drafts: RoutingRuleDraftInput[], problems: string[]): Promise<RoutingRule[]> {
    const references = await routingReferences(this.dataSource.manager);
    return drafts.map((draft, index) => {
      const own: string[] = [];
      const rule: RoutingRule = {
        id: draft.id ?? `draft-${index + 1}`,
        name: draft.name?.trim() ?? '',
        position: draft.position ?? index,
        criteria: toCriteria(draft.criteria, own),
        result: toResult(draft.result),
      };
      own.push(...validateRoutingRule(rule, references));
      problems.push(...own.map((problem) => `Draft rule ${index + 1} ("${rule.name}"): ${problem}`));
      return rule;
    });
  }
}

/** Where a scenario should go: a group id, or undefined for no expectation. */
function expectedGroup(
  scenario: RoutingScenarioInput,
  index: number,
  groupNames: Map<string, string>,
  groupIdsByName: Map<string, string>,
  problems: string[],
): string | undefined {
  const label = scenarioLabel(scenario, index);
  let byId: string | undefined;
  let byName: string | undefined;
  if (scenario.expectedGroupId != null) {
    if (groupNames.has(scenario.expectedGroupId)) byId = scenario.expectedGroupId;
    else problems.push(`${label}: there is no group ${scenario.expectedGroupId}.`);
  }
  if (scenario.expectedGroupName != null) {
    byName = groupIdsByName.get(scenario.expectedGroupName.trim().toLowerCase());
    if (byName === undefined) problems.push(`${label}: there is no group named "${scenario.expectedGroupName}".`);
  }
  if (byId !== undefined && byName !== undefined && byId !== byName) {
    problems.push(`${label}: expectedGroupId and expectedGroupName name different groups; give one.`);
  }
  return byId ?? byName;
}

function scenarioProblems(scenario: RoutingScenarioInput, index: number): string[] {
  const label = scenarioLabel(scenario, index);
  const problems: string[] = [];
  if (scenario.subject.length > TICKET_LIMITS.subjectMaxLength) problems.push(`${label}: the subject is longer than ${TICKET_LIMITS.subjectMaxLength} characters.`);
  if ((scenario.description ?? '').length > TICKET_LIMITS.descriptionMaxLength) {
    problems.push(`${label}: the description is longer than ${TICKET_LIMITS.descriptionMaxLength} characters.`);
  }
  if (scenario.requesterEmail.length > TICKET_LIMITS.emailMaxLength) problems.push(`${label}: the requester email is too long.`);
  if ((scenario.fields ?? []).length > ROUTING_LIMITS.fieldsMax) problems.push(`${label}: at most ${ROUTING_LIMITS.fieldsMax} form fields.`);
  if (Number.isNaN(new Date(scenario.arrivedAt).getTime())) problems.push(`${label}: arrivedAt is not a date.`);
  return problems;
}

function scenarioLabel(scenario: RoutingScenarioInput, index: number): string {
  return scenario.name ? `Scenario ${index + 1} ("${scenario.name}")` : `Scenario ${index + 1}`;
}

function toTicket(scenario: RoutingScenarioInput): RoutableTicket {
  return {
    channel: scenario.channel,
    requesterEmail: scenario.requesterEmail,
    organizationId: scenario.organizationId ?? null,
    customerTier: scenario.customerTier ?? null,
    priority: scenario.priority ?? 'normal',
    type: ticketTypeOrDefault(scenario.type, scenario.channel),
    subject: scenario.subject,
    description: scenario.description ?? '',
    fields: Object.fromEntries((scenario.fields ?? []).map(({ name, value }) => [name, value])),
    arrivedAt: new Date(scenario.arrivedAt).getTime(),
  };
}

/** Every business calendar, as routing judges arrival by them. */
export async function loadCalendars(dataSource: DataSource): Promise<Calendars> {
  const rows: Array<{ id: string; time_zone: string; intervals: BusinessCalendar['intervals']; holidays: BusinessCalendar['holidays'] }> =
    await dataSource.query('SELECT id, time_zone, intervals, holidays FROM business_calendars');
  return Object.fromEntries(rows.map((row) => [row.id, { timeZone: row.time_zone, intervals: row.intervals, holidays: row.holidays }]));
}
