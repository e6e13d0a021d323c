import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ticketMailFacts } from '../../../activities/email/ticket-mail-variables.js';
import type { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { outboundMailSettings } from '../../../libs/config/app-config.js';
import { renderTemplate } from '../../../libs/domain/email/index.js';
import { planMacro, type MacroPlan } from '../../../libs/domain/macros/index.js';
import { APP_CONFIG } from '../app-config.token.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { userError } from '../common/user-error.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { ApplyMacroInput } from './dto/apply-macro.input.js';
import type { MacroApplicationModel } from './models/macro-application.model.js';
import type { MacroModel } from './models/macro.model.js';
import type { MacroPreviewModel } from './models/macro-preview.model.js';
import { MacrosService } from './macros.service.js';

interface PreparedMacro {
  macro: MacroModel;
  ticket: TicketEntity;
  body: string;
  plan: MacroPlan;
}

/**
 * An agent applies a macro to a ticket the way they would act by hand, through the same service calls (and so the
 * same workflow updates and timeline events): the reply, then the status change, then the reclassification. The plan
 * is checked first, so a macro the ticket cannot take is refused before its reply is sent.
 */
@Injectable()
export class MacroApplicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly macros: MacrosService,
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(input: ApplyMacroInput, caller: AuthenticatedUser): Promise<MacroPreviewModel> {
    const { macro, ticket, body, plan } = await this.prepare(input, caller);
    return {
      body,
      public: macro.public,
      status: plan.status ?? plan.statusAfterReply,
      priority: plan.priority ?? ticket.priority,
      tags: plan.tags ?? ticket.tags,
    };
  }

  async apply(input: ApplyMacroInput, caller: AuthenticatedUser): Promise<MacroApplicationModel> {
    const { macro, ticket, body, plan } = await this.prepare(input, caller);
    const message = await this.tickets.reply({ ticketId: ticket.id, body, public: macro.public }, caller);
    if (plan.status !== null) await this.tickets.changeStatus({ ticketId: ticket.id, status: plan.status }, caller);
    if (plan.priority !== null || plan.tags !== null) {
      await this.tickets.reclassify({ ticketId: ticket.id, ...(plan.priority ? { priority: plan.priority } : {}), ...(plan.tags ? { tags: plan.tags } : {}) }, caller);
    }
    return { message, ticket: await this.tickets.get(ticket.id, 'system') };
  }

  private async prepare({ ticketId, macroId }: ApplyMacroInput, caller: AuthenticatedUser): Promise<PreparedMacro> {
    const ticket = await this.tickets.get(ticketId, caller);
    const macro = await this.macros.get(macroId);
    const plan = planMacro(ticket, macro);
    if (typeof plan === 'string') throw userError('CONFLICT', plan);
    return { macro, ticket, body: await this.render(macro.body, ticket.id, caller), plan };
  }

  /** The variables a customer mail about the ticket gets, the agent being the one who applies the macro. */
  private async render(body: string, ticketId: string, caller: AuthenticatedUser): Promise<string> {
    const facts = await ticketMailFacts(this.dataSource.manager, ticketId);
    const [agent] = await this.dataSource.query<Array<{ display_name: string }>>('SELECT display_name FROM users WHERE id = $1', [caller.id]);
    const variables = {
      ...facts!.variables,
      'helpdesk.address': outboundMailSettings(this.config).from,
      ...(agent ? { 'agent.name': agent.display_name } : {}),
    };
    return renderTemplate(body, variables).text;
  }
}
