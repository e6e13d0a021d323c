import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { csatSummary, type ScoreCount } from '../../../libs/domain/survey/csat.js';
import { userError } from '../common/user-error.js';
import type { CsatArgs } from './dto/csat.args.js';
import type { CsatReportModel } from './models/csat.model.js';
import type { CsatGrouping } from './survey-enums.js';

const period = (unit: string) => `to_char(date_trunc('${unit}', answered_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const KEY_SQL: Record<CsatGrouping, string> = {
  agent: 'agent_id::text',
  group: 'group_id',
  day: period('day'),
  week: period('week'),
  month: period('month'),
};
const LABEL_SQL: Partial<Record<CsatGrouping, string>> = {
  agent: 'SELECT id::text AS key, display_name AS label FROM users WHERE id::text = ANY($1)',
  group: 'SELECT id::text AS key, name AS label FROM groups WHERE id::text = ANY($1)',
};

/** CSAT from the answered surveys, by the agent and group the ticket had when its survey was sent, or by period. */
@Injectable()
export class CsatService {
  constructor(private readonly dataSource: DataSource) {}

  async report({ from, to, groupBy }: CsatArgs): Promise<CsatReportModel> {
    if (from.getTime() >= to.getTime()) throw userError('BAD_USER_INPUT', '`from` must be before `to`.');
    const counts = await this.dataSource.query<Array<{ key: string | null; score: number; count: string }>>(
      `SELECT ${KEY_SQL[groupBy]} AS key, score, count(*) AS count FROM ticket_surveys
       WHERE answered_at >= $1 AND answered_at < $2 GROUP BY 1, 2`,
      [from, to],
    );
    const { overall, byKey } = csatSummary(counts.map((row): ScoreCount => ({ key: row.key, score: row.score, count: Number(row.count) })));
    const labels = await this.labels(groupBy, byKey.map((row) => row.key).filter((key): key is string => key !== null));
    const rows = byKey.map((row) => ({ ...row, label: row.key === null ? null : (labels.get(row.key) ?? row.key) }));
    const byPeriod = groupBy === 'day' || groupBy === 'week' || groupBy === 'month';
    rows.sort((a, b) => (byPeriod ? String(a.key).localeCompare(String(b.key)) : b.answered - a.answered));
    return { overall, rows };
  }

  private async labels(groupBy: CsatGrouping, keys: string[]): Promise<Map<string, string>> {
    const sql = LABEL_SQL[groupBy];
    if (!sql || keys.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ key: string; label: string }>>(sql, [keys]);
    return new Map(rows.map((row) => [row.key, row.label]));
  }
}
