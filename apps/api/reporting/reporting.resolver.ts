import { Args, Query, Resolver } from '@nestjs/graphql';
import type { ReportGrouping, ReportMetric } from '../../../libs/domain/reporting/index.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ReportFilterInput } from './dto/report-filter.input.js';
import { ReportTicketFilterInput } from './dto/report-ticket-filter.input.js';
import { HelpdeskReportService } from './helpdesk-report.service.js';
import { HelpdeskReportModel } from './models/helpdesk-report.model.js';
import { TicketBacklogModel } from './models/ticket-backlog.model.js';
import { ReportGroupingEnum, ReportMetricEnum } from './reporting-enums.js';
import { REPORT_READERS } from './reporting.roles.js';

@Resolver()
export class ReportingResolver {
  constructor(private readonly reports: HelpdeskReportService) {}

  @Roles(...REPORT_READERS)
  @Query(() => HelpdeskReportModel, {
    description:
      'The help desk metrics over the tickets of a range (each metric reads the tickets created in it, except TICKETS_SOLVED: solved in it), ' +
      'in total and per group. An agent reads only the tickets assigned to them. CSV: GET /reports/helpdesk.csv with the same arguments.',
  })
  helpdeskReport(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('filter') filter: ReportFilterInput,
    @Args('metrics', { type: () => [ReportMetricEnum] }) metrics: ReportMetric[],
    @Args('groupBy', { type: () => ReportGroupingEnum, defaultValue: 'none' }) groupBy: ReportGrouping,
  ): Promise<HelpdeskReportModel> {
    return this.reports.report(caller, filter, groupBy, metrics);
  }

  @Roles(...REPORT_READERS)
  @Query(() => TicketBacklogModel, { description: 'Tickets open at an instant (now by default), by age, and per agent, group, … when grouped.' })
  ticketBacklog(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('at', { nullable: true, type: () => Date }) at: Date | null,
    @Args('filter', { nullable: true, type: () => ReportTicketFilterInput }) filter: ReportTicketFilterInput | null,
    @Args('groupBy', { type: () => ReportGroupingEnum, defaultValue: 'none' }) groupBy: ReportGrouping,
  ): Promise<TicketBacklogModel> {
    return this.reports.backlog(caller, at ?? new Date(), filter ?? { excludeImported: false }, groupBy);
  }
}

