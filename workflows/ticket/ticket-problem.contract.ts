import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TicketLifecycleState } from './ticket.contract.js';

// Problems and their incidents: part of the ticket workflow's public surface (see ticket.contract.ts). An incident's
// workflow owns its link (it writes tickets.problem_id) and tells the problem's workflow, which notes it on its own
// timeline; a problem solved tells each of its incidents, whose own workflow replies to its requester and solves it.

/** Sent to the incident: it tells the problem first (a problem whose workflow has ended refuses), then links. */
export interface LinkToProblemRequest {
  problemId: string;
  /** For the timeline and the refusal (the workflow reads no database). */
  problemNumber: string;
  actorUserId: string;
}

export interface UnlinkFromProblemRequest {
  actorUserId: string;
}

/** What an incident tells its problem when it is linked to it or unlinked from it. */
export interface ProblemIncidentNotice {
  incidentId: string;
  incidentNumber: string;
  linked: boolean;
  actorUserId: string;
}

/** Sent to the problem: it solves itself, then tells each linked incident still worked. */
export interface SolveProblemRequest {
  /** The problem's internal note holding the reply each incident's requester gets (a template: its variables are the incident's). */
  solutionMessageId: string;
  actorUserId: string;
}

/** What a solved problem tells each incident; the solution message makes a re-delivered notice a no-op. */
export interface ProblemSolvedNotice {
  problemId: string;
  problemNumber: string;
  solutionMessageId: string;
  actorUserId: string;
}

/** The API stored the problem's known error (problem_known_errors); the problem's timeline records who did it. */
export interface KnownErrorRecordedRequest {
  actorUserId: string;
}

export const linkToProblemUpdate = defineUpdate<TicketLifecycleState, [LinkToProblemRequest]>('linkToProblem');
export const unlinkFromProblemUpdate = defineUpdate<TicketLifecycleState, [UnlinkFromProblemRequest]>('unlinkFromProblem');
export const problemIncidentChangedSignal = defineSignal<[ProblemIncidentNotice]>('problemIncidentChanged');
export const solveProblemUpdate = defineUpdate<TicketLifecycleState, [SolveProblemRequest]>('solveProblem');
export const problemSolvedSignal = defineSignal<[ProblemSolvedNotice]>('problemSolved');
export const knownErrorRecordedUpdate = defineUpdate<TicketLifecycleState, [KnownErrorRecordedRequest]>('knownErrorRecorded');
