import { createHmac } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { signSurveyToken } from '../../libs/domain/survey/survey-token.js';

/** What signs and addresses survey links; the worker signs them, the API checks them. */
export interface SurveyLinkConfig {
  tokenSecret: string;
  /** Where customers reach the help desk, e.g. https://help.example.com (no trailing slash needed). */
  publicUrl: string;
}

export function surveyLink(config: SurveyLinkConfig, surveyId: string, expiresAt: number): { token: string; url: string } {
  const token = signSurveyToken(config.tokenSecret, { surveyId, expiresAt });
  return { token, url: `${config.publicUrl.replace(/\/+$/, '')}/survey?token=${encodeURIComponent(token)}` };
}

/** SURVEY_TOKEN_SECRET, or else a key derived from the JWT secret (never the JWT secret itself). */
export function surveyLinkConfig(config: { surveyTokenSecret?: string; jwtSecret?: string; publicUrl: string }): SurveyLinkConfig {
  const tokenSecret = config.surveyTokenSecret ?? (config.jwtSecret && createHmac('sha256', config.jwtSecret).update('helpdesk-survey-tokens').digest('hex'));
  if (!tokenSecret) throw new Error('SURVEY_TOKEN_SECRET or JWT_SECRET must be set (survey links are signed with it)');
  return { tokenSecret, publicUrl: config.publicUrl };
}

/**
 * The `survey.url` and `survey.expiresAt` variables of the mail inviting to the survey `surveyId`, signed where the
 * mail is sent (the token is deterministic, so it matches the hash the survey row keeps); null for an unknown survey.
 */
export async function surveyMailVariables(db: EntityManager, config: SurveyLinkConfig, surveyId: string): Promise<Record<string, string> | null> {
  const [survey] = await db.query<Array<{ expires_at: Date }>>('SELECT expires_at FROM ticket_surveys WHERE id = $1', [surveyId]);
  if (!survey) return null;
  return { 'survey.url': surveyLink(config, surveyId, survey.expires_at.getTime()).url, 'survey.expiresAt': survey.expires_at.toISOString() };
}
