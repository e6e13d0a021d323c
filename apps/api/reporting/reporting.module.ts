import { Module } from '@nestjs/common';
import { HelpdeskReportService } from './helpdesk-report.service.js';
import { ReportCsvController } from './report-csv.controller.js';
import { ReportingResolver } from './reporting.resolver.js';

/** The help desk's KPIs over the per-ticket report facts: the report query, the backlog, and the CSV export. */
@Module({
  controllers: [ReportCsvController],
  providers: [HelpdeskReportService, ReportingResolver],
})
export class ReportingModule {}
