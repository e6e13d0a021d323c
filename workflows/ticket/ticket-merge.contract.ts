import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TicketLifecycleState } from './ticket.contract.js';

// Merging a duplicate ticket into a primary one: part of the ticket workflow's public surface (see ticket.contract.ts).

/** Sent to the duplicate: it tells the primary, then closes as `merged` (no survey, not counted as solved). */
export interface MergeIntoRequest {
  primaryTicketId: string;
  /** The primary's number and subject, for the requester's mail (the workflow reads no database). */
  primaryNumber: string;
  primarySubject: string;
  actorUserId: string;
}

/** What the duplicate tells the primary, which notes it on its own timeline (it numbers its events itself). */
export interface MergedInNotice {
  duplicateTicketId: string;
  duplicateNumber: string;
  actorUserId: string;
}

export const mergeIntoUpdate = defineUpdate<TicketLifecycleState, [MergeIntoRequest]>('mergeInto');
export const ticketMergedInSignal = defineSignal<[MergedInNotice]>('ticketMergedIn');
