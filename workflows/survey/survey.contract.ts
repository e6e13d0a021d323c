import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { SurveySettings } from '../../libs/domain/survey/survey-settings.js';

// The survey workflow's public surface: the ticket workflow starts it, the API signals it.

export const SURVEY_WORKFLOW_TYPE = 'surveyWorkflow';

export function surveyWorkflowId(ticketId: string): string {
  return `survey:${ticketId}`;
}

export interface SurveyWorkflowInput {
  ticketId: string;
  /** The ticket's status when the survey started (its ticket workflow signals later changes). */
  ticketStatus: string;
}

/** How the survey ended. */
export type SurveyOutcome = 'disabled' | 'answered' | 'expired';

export type SurveyStage = 'waiting_for_trigger' | 'delaying' | 'sent' | 'reminded' | SurveyOutcome;

export interface SurveyState {
  stage: SurveyStage;
  settings: SurveySettings | null;
  /** Epoch ms, once sent. */
  sentAt: number | null;
  expiresAt: number | null;
}

/** The ticket's status changed (a reopen before sending puts the survey back to waiting). */
export const ticketStatusChangedSignal = defineSignal<[string]>('ticketStatusChanged');
/** The customer answered (the API recorded it): no reminder, no expiry. */
export const surveyAnsweredSignal = defineSignal('surveyAnswered');
export const surveyStateQuery = defineQuery<SurveyState>('surveyState');

/** What the survey workflow asks for its link with. */
export interface SurveyInvitationRequest {
  ticketId: string;
  /** Epoch ms the link stops working. */
  expiresAt: number;
  /** Whether the survey asks NPS; absent (not asked) in calls scheduled before the option existed. */
  asksNps?: boolean;
}

/** The survey a mail invites to, without its link: the email activity signs the link, so no token enters history. */
export interface SurveyInvitationReference {
  surveyId: string;
  /** ISO instant the link stops working. */
  expiresAt: string;
}

/** A survey link, as mailed by workflows that started before the link moved into the email activity. */
export interface SurveyInvitation extends SurveyInvitationReference {
  url: string;
}

/** The survey's steps as they land on the ticket's timeline. */
export type SurveyStep = 'sent' | 'reminded' | 'expired';
