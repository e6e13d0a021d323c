/**
 * What the pilot panel shows, read from the API's JSON: the running pilot's state (`rolloutPilot`) or, once it ended,
 * the rollout's `pilotReport` (workflows/rollout/rollout.contract.ts: PilotState, PilotOutcome). Anything malformed
 * reads as empty rather than breaking the screen.
 */

export interface PilotEntry {
  at: string;
  by: string;
  text: string;
  severity?: string;
}

export interface PilotCriterion {
  criterion: string;
  status: string;
  actual: number | null;
  target: number | null;
  shortBy: number | null;
  detail: string;
}

export interface PilotView {
  from: string | null;
  to: string | null;
  checkIns: PilotEntry[];
  issues: PilotEntry[];
  /** The mean of the agents' latest answers (running), or the report's figure (ended); null without answers. */
  agentConfidence: number | null;
  confidenceAnswers: number;
  /** Only once the pilot ended. */
  go: boolean | null;
  criteria: PilotCriterion[];
}

type Json = Record<string, unknown>;

export function readPilot(json: unknown): PilotView {
  const source = isObject(json) ? json : {};
  const answers = isObject(source.agentConfidence) ? Object.values(source.agentConfidence).filter(isNumber) : [];
  const reported = isNumber(source.agentConfidence) ? source.agentConfidence : null;
  return {
    from: text(source.startedAt) ?? text(source.from),
    to: text(source.endsAt) ?? text(source.to),
    checkIns: list(source.checkIns).map((entry) => ({ at: text(entry.at) ?? '', by: text(entry.by) ?? '', text: text(entry.note) ?? '' })),
    issues: list(source.issues).map((entry) => ({
      at: text(entry.at) ?? '',
      by: text(entry.by) ?? '',
      text: text(entry.description) ?? '',
      severity: text(entry.severity) ?? undefined,
    })),
    agentConfidence: answers.length > 0 ? answers.reduce((sum, score) => sum + score, 0) / answers.length : reported,
    confidenceAnswers: answers.length,
    go: typeof source.go === 'boolean' ? source.go : null,
    criteria: list(source.criteria).map((entry) => ({
      criterion: text(entry.criterion) ?? '',
      status: text(entry.status) ?? '',
      actual: isNumber(entry.actual) ? entry.actual : null,
      target: isNumber(entry.target) ? entry.target : null,
      shortBy: isNumber(entry.shortBy) ? entry.shortBy : null,
      detail: text(entry.detail) ?? '',
    })),
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
