import { minutesOnline, type ReportMetric } from '../../domain/reporting/index.js';
import { ParameterList, type ReportTicketFilter } from './report-sql.js';
import type { SqlRows } from './ticket-report-facts.js';

export interface TimeOnlineFigure {
  /** The agent's user id; null for the total over all agents. */
  agentId: string | null;
  minutes: number;
  agents: number;
}

/**
 * Each agent's minutes online in [start, min(end, now)), from the availability changes the audit log holds (every
 * change of availability is audited in its own transaction, so the log is the history). Agents narrowed by the
 * filter's agents and groups; the other ticket filters do not apply to agents.
 */
export async function agentTimeOnline(
  sql: SqlRows,
  request: { start: string; end: string; filter: ReportTicketFilter },
): Promise<TimeOnlineFigure[]> {
  const parameters = new ParameterList();
  const end = `${parameters.add(request.end)}::timestamptz`;
  const where = [`action = 'agent.availability_changed'`, `at < ${end}`];
  if (request.filter.agentIds?.length) where.push(`entity_id = ANY(${parameters.add(request.filter.agentIds)}::text[])`);
  if (request.filter.groupIds?.length) {
    where.push(`EXISTS (SELECT 1 FROM agent_groups g WHERE g.agent_id::text = entity_id AND g.group_id::text = ANY(${parameters.add(request.filter.groupIds)}::text[]))`);
  }
  const rows = await sql<{ agent_id: string; ats: string[]; states: string[]; now: Date }>(
    `SELECT entity_id AS agent_id, array_agg((extract(epoch FROM at) * 1000)::text ORDER BY at, id) AS ats,
            array_agg(after->>'availability' ORDER BY at, id) AS states, now() AS now
     FROM audit_log WHERE ${where.join(' AND ')} GROUP BY entity_id ORDER BY entity_id`,
    parameters.values,
  );
  const start = Date.parse(request.start);
  const perAgent = rows.map((row) => {
    const until = Math.min(Date.parse(request.end), row.now.getTime());
    const changes = row.ats.map((at, index) => ({ at: Number(at), availability: row.states[index] }));
    return { agentId: row.agent_id, minutes: minutesOnline(changes, start, until), agents: 1 };
  });
  const total = { agentId: null, minutes: perAgent.reduce((sum, agent) => sum + agent.minutes, 0), agents: perAgent.length };
  return [...perAgent, total];
}

export function timeOnlineMetricFigure(metric: ReportMetric, figure: TimeOnlineFigure) {
  return {
    metric,
    value: figure.minutes,
    sampleSize: figure.agents,
    mean: figure.agents > 0 ? figure.minutes / figure.agents : null,
    median: null,
    p90: null,
  };
}
