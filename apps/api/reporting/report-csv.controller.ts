import { Controller, Get, HttpStatus, Query, Req, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Response } from 'express';
import { DEFAULT_REPEAT_CONTACT_DAYS, REPORT_GROUPINGS, REPORT_METRIC_NAMES, type ReportGrouping, type ReportMetric } from '../../../libs/domain/reporting/index.js';
import type { AuthenticatedRequest } from '../auth/request-of.js';
import { Roles } from '../auth/roles.decorator.js';
import { userError } from '../common/user-error.js';
import { csvField } from './csv-field.js';
import { ReportFilterInput } from './dto/report-filter.input.js';
import { HelpdeskReportService } from './helpdesk-report.service.js';
import type { MetricFigureModel } from './models/metric-figure.model.js';
import { REPORT_READERS } from './reporting.roles.js';

const LIST_PARAMETERS = ['groupIds', 'agentIds', 'channels', 'priorities', 'types', 'organizationIds', 'tags'] as const;
const CSV_HEADER = ['group', 'metric', 'unit', 'value', 'sampleSize', 'mean', 'median', 'p90'];
/** Totals come last, under this group name. */
const TOTAL_GROUP = '(total)';

const FIELD_PARAMETER_PREFIX = 'field.';

/** A validation error's messages with their paths (a custom field's are nested: `fields.0.name`). */
function constraintProblems(error: ValidationError, path: string): Array<{ field: string; message: string }> {
  return [
    ...Object.values(error.constraints ?? {}).map((message) => ({ field: path, message })),
    ...(error.children ?? []).flatMap((child) => constraintProblems(child, `${path}.${child.property}`)),
  ];
}

const listOf = (value: unknown): string[] => (typeof value === 'string' && value !== '' ? value.split(',') : []);


/**
 * `GET /reports/helpdesk.csv?from=…&to=…&metrics=A,B&groupBy=day&…` (bearer token as for GraphQL): the report of
 * `helpdeskReport` as CSV, one line per group and metric, written to the response as it goes. Refusals are JSON
 * `{ code, message }` with the HTTP status of their code (GraphQLErrorFilter).
 */
@Controller('reports')
export class ReportCsvController {
  constructor(private readonly reports: HelpdeskReportService) {}

  @Roles(...REPORT_READERS)
  @Get('helpdesk.csv')
  async helpdeskCsv(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    const { filter, metrics, groupBy } = await parseCsvRequest(query);
    const report = await this.reports.report(request.user!, filter, groupBy, metrics);
    response.status(HttpStatus.OK);
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="helpdesk-report-${report.from}-${report.to}.csv"`);
    const write = (group: string, figure: MetricFigureModel) =>
      response.write(
        [group, figure.metric, figure.unit, figure.value, figure.sampleSize, figure.mean, figure.median, figure.p90].map(csvField).join(',') + '\r\n',
      );
    response.write(CSV_HEADER.join(',') + '\r\n');
    for (const group of report.groups) for (const figure of group.figures) write(group.key, figure);
    for (const figure of report.totals) write(TOTAL_GROUP, figure);
    response.end();
  }
}

/** The query string as the GraphQL arguments: lists comma-separated, the same checks. */
async function parseCsvRequest(query: Record<string, unknown>): Promise<{ filter: ReportFilterInput; metrics: ReportMetric[]; groupBy: ReportGrouping }> {
  const lists = Object.fromEntries(LIST_PARAMETERS.filter((name) => query[name] !== undefined).map((name) => [name, listOf(query[name])]));
  // `field.product=Portal`: one parameter per custom field (a value may hold commas).
  const fields = Object.keys(query)
    .filter((key) => key.startsWith(FIELD_PARAMETER_PREFIX))
    .map((key) => ({ name: key.slice(FIELD_PARAMETER_PREFIX.length), value: String(query[key]) }));
  const filter = plainToInstance(ReportFilterInput, {
    from: query.from,
    to: query.to,
    timeZone: query.timeZone ?? 'UTC',
    excludeImported: query.excludeImported === 'true',
    repeatContactDays: query.repeatContactDays === undefined ? DEFAULT_REPEAT_CONTACT_DAYS : Number(query.repeatContactDays),
    ...lists,
    ...(fields.length > 0 ? { fields } : {}),
  });
  const problems = (await validate(filter)).flatMap((error) => constraintProblems(error, error.property));
  const metrics = listOf(query.metrics);
  for (const metric of metrics) {
    if (!(REPORT_METRIC_NAMES as string[]).includes(metric)) problems.push({ field: 'metrics', message: `Unknown metric "${metric}".` });
  }
  const groupBy = String(query.groupBy ?? 'none').toLowerCase();
  if (!(REPORT_GROUPINGS as readonly string[]).includes(groupBy)) problems.push({ field: 'groupBy', message: `Unknown grouping "${groupBy}".` });
  if (problems.length > 0) {
    throw userError('BAD_USER_INPUT', problems.map((problem) => problem.message).join(' '), { fields: problems });
  }
  return { filter, metrics: metrics as ReportMetric[], groupBy: groupBy as ReportGrouping };
}
