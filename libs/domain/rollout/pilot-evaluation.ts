import { atLeast, atMost, type CriterionResult } from './criterion-result.js';

/** The pilot's success criteria; defaults follow the issue (routing > 90 %, confidence ≥ 7, CSAT ≥ baseline). */
export interface PilotTargets {
  minRoutingAccuracy: number;
  maxFirstResponseMinutes: number;
  minArticleLinkingRate: number;
  minAgentConfidence: number;
}

/** Measured from the pilot's own tickets (null: not measurable, e.g. surveys do not exist yet). */
export interface PilotTicketMetrics {
  tickets: number;
  routingAccuracy: number | null;
  firstResponseMinutes: number | null;
  csat: number | null;
  articleLinkingRate: number | null;
}

export interface PilotReport {
  go: boolean;
  metrics: PilotTicketMetrics;
  agentConfidence: number | null;
  criteria: CriterionResult[];
}

/**
 * Go when no criterion failed and the pilot handled at least one ticket; a criterion that cannot be measured yet is
 * reported as such and left to the lead.
 */
export function evaluatePilot(
  metrics: PilotTicketMetrics,
  confidenceScores: readonly number[],
  targets: PilotTargets,
  baselineCsat: number | null,
): PilotReport {
  const agentConfidence = confidenceScores.length > 0 ? confidenceScores.reduce((a, b) => a + b, 0) / confidenceScores.length : null;
  const criteria: CriterionResult[] = [
    atLeast('pilot tickets', metrics.tickets, 1, ''),
    atLeast('routing accuracy', pct(metrics.routingAccuracy), targets.minRoutingAccuracy * 100, ' %', 'no routed pilot tickets'),
    atMost('average first response', metrics.firstResponseMinutes, targets.maxFirstResponseMinutes, ' min', 'no answered pilot tickets'),
    baselineCsat === null
      ? atLeast('CSAT against the baseline', null, 0, ' %', 'no baseline CSAT')
      : atLeast('CSAT against the baseline', pct(metrics.csat), baselineCsat * 100, ' %', 'no answered surveys'),
    atLeast('article linking rate', pct(metrics.articleLinkingRate), targets.minArticleLinkingRate * 100, ' %', 'no article links measurable'),
    atLeast('agent confidence', agentConfidence, targets.minAgentConfidence, '/10', 'no agent answered'),
  ];
  return { go: criteria.every((criterion) => criterion.status !== 'failed'), metrics, agentConfidence, criteria };
}

function pct(share: number | null): number | null {
  return share === null ? null : share * 100;
}
