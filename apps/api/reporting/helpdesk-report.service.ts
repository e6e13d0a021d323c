import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { helpdeskReport, type MetricFigure } from '../../../libs/db/reporting/helpdesk-report.js';
import type { ReportTicketFilter } from '../../../libs/db/reporting/report-sql.js';
import { ticketBacklog } from '../../../libs/db/reporting/ticket-backlog.js';
import type { SqlRows } from '../../../libs/db/reporting/ticket-report-facts.js';
import {
  REPORT_METRICS,
  reportRequestProblems,
  TIME_GROUPINGS,
  type ReportGrouping,
  type ReportMetric,
  type ReportRequestProblem,
} from '../../../libs/domain/reporting/index.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { userError } from '../common/user-error.js';
import type { ReportFilterInput } from './dto/report-filter.input.js';
import type { ReportTicketFilterInput } from './dto/report-ticket-filter.input.js';
import type { HelpdeskReportModel } from './models/helpdesk-report.model.js';
import type { MetricFigureModel } from './models/metric-figure.model.js';
import type { TicketBacklogModel } from './models/ticket-backlog.model.js';
import { REPORT_ALL_SEEING } from './reporting.roles.js';

/** Reports for the API and its CSV export: checks the request, narrows an agent to their own tickets, runs the engine. */
@Injectable()
export class HelpdeskReportService {
  private readonly sql: SqlRows;

  constructor(dataSource: DataSource) {
    this.sql = (text, parameters) => dataSource.query(text, parameters);
  }

  async report(caller: AuthenticatedUser, filter: ReportFilterInput, groupBy: ReportGrouping, metrics: ReportMetric[]): Promise<HelpdeskReportModel> {
    const problems: ReportRequestProblem[] = reportRequestProblems({ ...filter, groupBy });
    if (metrics.length === 0) problems.push({ field: 'metrics', message: 'Ask for at least one metric.' });
    if (problems.length > 0) throw userError('BAD_USER_INPUT', problems.map((problem) => problem.message).join(' '), { fields: problems });
    const [range] = await this.sql<{ start: Date; end: Date }>(
      `SELECT ($1::date::timestamp AT TIME ZONE $3) AS start, (($2::date + 1)::timestamp AT TIME ZONE $3) AS end`,
      [filter.from, filter.to, filter.timeZone],
    );
    const wanted = [...new Set(metrics)];
    const result = await helpdeskReport(this.sql, {
      start: range.start.toISOString(),
      end: range.end.toISOString(),
      timeZone: filter.timeZone,
      groupBy,
      metrics: wanted,
      filter: this.visibleTickets(caller, filter),
      repeatContactDays: filter.repeatContactDays,
    });
    return {
      from: filter.from,
      to: filter.to,
      timeZone: filter.timeZone,
      groupBy,
      totals: result.totals.map(withUnit),
      groups: result.groups.map((group) => ({ key: group.key, figures: group.figures.map(withUnit) })),
    };
  }

  async backlog(caller: AuthenticatedUser, at: Date, filter: ReportTicketFilterInput, groupBy: ReportGrouping): Promise<TicketBacklogModel> {
    if (TIME_GROUPINGS.includes(groupBy)) {
      throw userError('BAD_USER_INPUT', `The backlog is taken at one instant: group it by a ticket dimension, not by ${groupBy}.`, {
        fields: [{ field: 'groupBy', message: 'not a period' }],
      });
    }
    const backlog = await ticketBacklog(this.sql, {
      at: at.toISOString(),
      filter: this.visibleTickets(caller, filter),
      groupBy: groupBy as Exclude<ReportGrouping, 'day' | 'week' | 'month'>,
    });
    return { ...backlog, at };
  }

  /** Supervisors, admins and leads read every ticket; an agent only the tickets assigned to them. */
  private visibleTickets(caller: AuthenticatedUser, filter: ReportTicketFilterInput): ReportTicketFilter {
    const seesAll = caller.roles.some((role) => REPORT_ALL_SEEING.includes(role));
    const askedAgents = filter.agentIds ?? [];
    if (!seesAll && askedAgents.some((agentId) => agentId !== caller.id)) {
      throw userError('FORBIDDEN', "Agents read their own figures only: leave agentIds out, or give your own id.");
    }
    return {
      groupIds: filter.groupIds ?? undefined,
      agentIds: seesAll ? (filter.agentIds ?? undefined) : [caller.id],
      channels: filter.channels ?? undefined,
      priorities: filter.priorities ?? undefined,
      types: filter.types ?? undefined,
      organizationIds: filter.organizationIds ?? undefined,
      tags: filter.tags ?? undefined,
      fields: filter.fields ? Object.fromEntries(filter.fields.map(({ name, value }) => [name, value])) : undefined,
      excludeImported: filter.excludeImported,
    };
  }
}

function withUnit(figure: MetricFigure): MetricFigureModel {
  return { ...figure, unit: REPORT_METRICS[figure.metric].unit };
}
