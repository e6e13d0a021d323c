import { Module } from '@nestjs/common';
import { CalendarsResolver } from './calendars.resolver.js';
import { CalendarsService } from './calendars.service.js';
import { EscalationPoliciesResolver } from './escalation-policies.resolver.js';
import { EscalationPoliciesService } from './escalation-policies.service.js';
import { HelpdeskSettingsResolver } from './helpdesk-settings.resolver.js';
import { HelpdeskSettingsService } from './helpdesk-settings.service.js';
import { SlaPoliciesResolver } from './sla-policies.resolver.js';
import { SlaPoliciesService } from './sla-policies.service.js';
import { SlaReapplyResolver } from './sla-reapply.resolver.js';
import { SlaReapplyService } from './sla-reapply.service.js';

/** The admin configuration of SLAs: business calendars, SLA policies, escalation policies and help desk settings. */
@Module({
  providers: [
    CalendarsResolver,
    CalendarsService,
    SlaPoliciesResolver,
    SlaPoliciesService,
    SlaReapplyResolver,
    SlaReapplyService,
    EscalationPoliciesResolver,
    EscalationPoliciesService,
    HelpdeskSettingsResolver,
    HelpdeskSettingsService,
  ],
})
export class SlaConfigModule {}
