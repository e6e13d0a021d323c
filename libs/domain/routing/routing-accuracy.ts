export interface AccuracyCounts {
  routed: number;
  misrouted: number;
  /** (routed − misrouted) / routed, 0..1; 1 when nothing was routed. */
  accuracy: number;
}

export interface RoutingAccuracy {
  overall: AccuracyCounts;
  /** One entry per rule (null: the fallback queue), in order of first appearance. */
  perRule: Array<{ ruleId: string | null } & AccuracyCounts>;
}

/** How often routing got it right: each decision names the rule that routed the ticket and whether it was misrouted. */
export function routingAccuracy(
  decisions: ReadonlyArray<{ ruleId: string | null; misrouted: boolean }>,
): RoutingAccuracy {
  const byRule = new Map<string | null, { routed: number; misrouted: number }>();
  for (const { ruleId, misrouted } of decisions) {
    let counts = byRule.get(ruleId);
    if (!counts) byRule.set(ruleId, (counts = { routed: 0, misrouted: 0 }));
    counts.routed++;
    if (misrouted) counts.misrouted++;
  }
  const misrouted = decisions.filter((d) => d.misrouted).length;
  return {
    overall: withAccuracy(decisions.length, misrouted),
    perRule: [...byRule].map(([ruleId, counts]) => ({ ruleId, ...withAccuracy(counts.routed, counts.misrouted) })),
  };
}

export interface SimulationReport {
  scenarios: number;
  /** Scenarios that say where the ticket should go (a group, or null for the fallback queue). */
  withExpectation: number;
  /** Of those, how many went there. */
  met: number;
  /** met / withExpectation, 0..1; 1 when no scenario has an expectation. */
  accuracy: number;
}

/**
 * Sums up a routing simulation. `groupId` is where a scenario's ticket went, null for the fallback queue;
 * `expectedGroupId` is where it should have gone: a group, null for "the fallback queue", absent for no expectation.
 */
export function simulationReport(
  results: ReadonlyArray<{ expectedGroupId?: string | null; groupId: string | null }>,
): SimulationReport {
  const expected = results.filter((r) => r.expectedGroupId !== undefined);
  const met = expected.filter((r) => r.expectedGroupId === r.groupId).length;
  return {
    scenarios: results.length,
    withExpectation: expected.length,
    met,
    accuracy: expected.length === 0 ? 1 : met / expected.length,
  };
}

function withAccuracy(routed: number, misrouted: number): AccuracyCounts {
  return { routed, misrouted, accuracy: routed === 0 ? 1 : (routed - misrouted) / routed };
}
