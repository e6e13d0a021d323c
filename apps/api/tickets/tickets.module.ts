import { Module } from '@nestjs/common';
import { TicketAssignmentResolver } from './ticket-assignment.resolver.js';
import { TicketAssignmentService } from './ticket-assignment.service.js';
import { TicketFieldDefinitionsResolver } from './ticket-field-definitions.resolver.js';
import { TicketFieldDefinitionsService } from './ticket-field-definitions.service.js';
import { TicketFieldsResolver } from './ticket-fields.resolver.js';
import { TicketMailAuthenticationResolver, TicketMessageMailAuthenticationResolver } from './ticket-mail-authentication.resolver.js';
import { TicketCollaboratorsResolver } from './ticket-collaborators.resolver.js';
import { TicketCollaboratorsService } from './ticket-collaborators.service.js';
import { TicketMergeResolver } from './ticket-merge.resolver.js';
import { TicketMergeService } from './ticket-merge.service.js';
import { TicketAssigneeNameResolver, TicketEventActorNameResolver, TicketMessageAuthorNameResolver } from './ticket-people.resolver.js';
import { ProblemKnownErrorsService } from './problem-known-errors.service.js';
import { ProblemSuggestionsResolver } from './problem-suggestions.resolver.js';
import { ProblemSuggestionsService } from './problem-suggestions.service.js';
import { TicketProblemsResolver } from './ticket-problems.resolver.js';
import { TicketProblemsService } from './ticket-problems.service.js';
import { TicketQueuesResolver } from './ticket-queues.resolver.js';
import { TicketVisibility } from './ticket-visibility.js';
import { TicketLoadersOfRequest } from './loaders/ticket-loaders.js';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';
import { TicketsResolver } from './tickets.resolver.js';
import { TicketsService } from './tickets.service.js';

@Module({
  providers: [
    TicketsResolver,
    TicketsService,
    TicketLoadersOfRequest,
    TicketWorkflowsClient,
    TicketVisibility,
    TicketAssignmentResolver,
    TicketAssignmentService,
    TicketFieldsResolver,
    TicketFieldDefinitionsResolver,
    TicketFieldDefinitionsService,
    TicketMergeResolver,
    TicketMergeService,
    TicketCollaboratorsResolver,
    TicketCollaboratorsService,
    TicketProblemsResolver,
    TicketProblemsService,
    ProblemKnownErrorsService,
    ProblemSuggestionsResolver,
    ProblemSuggestionsService,
    TicketQueuesResolver,
    TicketAssigneeNameResolver,
    TicketMessageAuthorNameResolver,
    TicketEventActorNameResolver,
    TicketMailAuthenticationResolver,
    TicketMessageMailAuthenticationResolver,
  ],
  exports: [TicketsService, TicketWorkflowsClient, TicketVisibility, TicketLoadersOfRequest],
})
export class TicketsModule {}
