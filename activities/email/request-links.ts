import { createHmac } from 'node:crypto';
import { REQUEST_LINK_VALIDITY_MS, signRequestToken } from '../../libs/domain/portal/request-token.js';
import type { SurveyLinkConfig } from '../surveys/survey-links.js';

/** What signs and addresses the portal links mailed to requesters; the worker signs them, the API checks them. */
export interface RequestLinkConfig {
  tokenSecret: string;
  /** Where customers reach the help desk, e.g. https://help.example.com (no trailing slash needed). */
  publicUrl: string;
}

/**
 * Customer links have one root key (SURVEY_TOKEN_SECRET, else a key derived from the JWT secret: see survey-links.ts);
 * the portal's key is derived from it under its own label, so neither the JWT secret nor the survey key signs a request.
 */
export function requestLinkConfig(customerLinks: SurveyLinkConfig): RequestLinkConfig {
  const tokenSecret = createHmac('sha256', customerLinks.tokenSecret).update('helpdesk-portal-request-tokens').digest('hex');
  return { tokenSecret, publicUrl: customerLinks.publicUrl };
}

/** The page of the ticket's request in the customer portal, signed to work until `now` plus the link's validity. */
export function requestLink(config: RequestLinkConfig, ticketId: string, now: number): string {
  const token = signRequestToken(config.tokenSecret, { ticketId, expiresAt: now + REQUEST_LINK_VALIDITY_MS });
  return `${config.publicUrl.replace(/\/+$/, '')}/portal/requests/${encodeURIComponent(token)}`;
}
