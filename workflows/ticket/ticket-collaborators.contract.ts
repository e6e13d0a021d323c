import { defineUpdate } from '@temporalio/workflow';
import type { TicketLifecycleState } from './ticket.contract.js';

// Collaborators (CC) of a ticket: the addresses live in PostgreSQL (content); the workflow only puts each change on
// the timeline it numbers. Part of the ticket workflow's public surface (see ticket.contract.ts).

export interface CollaboratorChange {
  action: 'added' | 'removed';
  email: string;
  actorUserId: string;
}

export const collaboratorChangedUpdate = defineUpdate<TicketLifecycleState, [CollaboratorChange]>('collaboratorChanged');
