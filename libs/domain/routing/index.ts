export {
  ARRIVAL_WINDOWS,
  KEYWORD_MAX_LENGTH,
  MAX_KEYWORDS,
  PATTERN_MAX_LENGTH,
  PRIORITY_ADJUSTMENT_MAX,
  SKILL_LEVEL_MAX,
  SKILL_LEVEL_MIN,
  type ArrivalWindow,
  type RequiredSkill,
  type RoutableTicket,
  type RoutingCriteria,
  type RoutingResult,
  type RoutingRule,
} from './routing-rule.js';
export { adjustPriority } from './adjust-priority.js';
export {
  compileRoutingRules,
  routeTicket,
  type Calendars,
  type CompiledRoutingRules,
  type RoutingDecision,
} from './evaluate-routing.js';
export {
  NO_CRITERIA,
  ROUTING_CRITERIA_KEYS,
  validateRoutingRule,
  type RoutingReferences,
} from './routing-rule-validation.js';
export { findRuleConflicts, type RuleConflicts } from './rule-conflicts.js';
export {
  chooseAgent,
  type AgentAvailability,
  type AgentChoice,
  type AgentNeed,
  type AgentSnapshot,
} from './choose-agent.js';
export { isOnShift, type AgentShift } from './working-hours.js';
export {
  routingAccuracy,
  simulationReport,
  type AccuracyCounts,
  type RoutingAccuracy,
  type SimulationReport,
} from './routing-accuracy.js';
