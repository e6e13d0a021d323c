import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { MacroApplicationService } from './macro-application.service.js';
import { MacrosResolver } from './macros.resolver.js';
import { MacrosService } from './macros.service.js';

/** Macros: admins' canned replies (with variables, and a status, priority and tags to set), applied by agents to tickets. */
@Module({
  imports: [TicketsModule],
  providers: [MacrosResolver, MacrosService, MacroApplicationService],
})
export class MacrosModule {}
