import { createHmac } from 'node:crypto';
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
