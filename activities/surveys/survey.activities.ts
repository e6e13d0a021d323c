import type { DataSource } from 'typeorm';
import { SURVEY_SETTINGS_ID, SurveySettingsEntity } from '../../libs/db/entities/survey-settings.entity.js';
import type { SurveySettings } from '../../libs/domain/survey/survey-settings.js';
import { surveyTokenHash } from '../../libs/domain/survey/survey-token.js';
import type { SurveyInvitation, SurveyInvitationReference, SurveyInvitationRequest, SurveyStep } from '../../workflows/survey/survey.contract.js';
import { surveyLink, type SurveyLinkConfig } from './survey-links.js';
import { recordSurveyTimelineEvent } from '../../libs/db/survey-timeline-events.js';

const STEP_COLUMNS: Record<SurveyStep, string> = { sent: 'sent_at', reminded: 'reminded_at', expired: 'expired_at' };

/** The survey workflow's reads and writes; each is safe to retry. */
export function createSurveyActivities({ dataSource, links }: { dataSource: DataSource; links: SurveyLinkConfig }) {
  /** Writes (once) or finds the ticket's survey row and its token's hash; null once answered or expired. */
  async function openSurvey({ ticketId, expiresAt, asksNps }: SurveyInvitationRequest): Promise<{ id: string; expiresAt: Date; url: string } | null> {
    return dataSource.transaction(async (db) => {
      await db.query(
        `INSERT INTO ticket_surveys (ticket_id, agent_id, group_id, expires_at, asks_nps)
         SELECT id, assignee_id, group_id, $2, $3 FROM tickets WHERE id = $1
         ON CONFLICT (ticket_id) DO NOTHING`,
        [ticketId, new Date(Math.floor(expiresAt / 1000) * 1000), asksNps === true],
      );
      const [survey] = await db.query<Array<{ id: string; expires_at: Date; answered_at: Date | null }>>(
        'SELECT id, expires_at, answered_at FROM ticket_surveys WHERE ticket_id = $1 FOR UPDATE',
        [ticketId],
      );
      if (!survey) throw new Error(`There is no ticket ${ticketId} to survey.`);
      if (survey.answered_at !== null || survey.expires_at.getTime() <= Date.now()) return null;
      const { token, url } = surveyLink(links, survey.id, survey.expires_at.getTime());
      await db.query('UPDATE ticket_surveys SET token_hash = $2 WHERE id = $1', [survey.id, surveyTokenHash(token)]);
      return { id: survey.id, expiresAt: survey.expires_at, url };
    });
  }

  return {
    /** The settings as they are now; the survey keeps this copy for its whole life. */
    async loadSurveySettings(): Promise<SurveySettings> {
      const row = await dataSource.getRepository(SurveySettingsEntity).findOneByOrFail({ id: SURVEY_SETTINGS_ID });
      const { enabled, trigger, delayMinutes, reminderAfterDays, expiresAfterDays, askNps } = row;
      return { enabled, trigger, delayMinutes, reminderAfterDays, expiresAfterDays, askNps };
    },

    /**
     * The ticket's open survey, or null once answered or expired. The first call writes the survey row (with the
     * ticket's agent and group as they are now, which CSAT is reported by, and whether it asks NPS, from the survey's
     * copy of the settings) and the hash of its token; later calls find it. The link itself is signed by the email
     * activity that mails it (`surveyId`), so the token never enters the workflow's history.
     */
    async openSurveyInvitation(request: SurveyInvitationRequest): Promise<SurveyInvitationReference | null> {
      const survey = await openSurvey(request);
      return survey && { surveyId: survey.id, expiresAt: survey.expiresAt.toISOString() };
    },

    /** As openSurveyInvitation, with the signed link: kept for survey workflows that reached the sending before the patch. */
    async surveyInvitation(request: SurveyInvitationRequest): Promise<SurveyInvitation | null> {
      const survey = await openSurvey(request);
      return survey && { surveyId: survey.id, url: survey.url, expiresAt: survey.expiresAt.toISOString() };
    },

    /** Notes a step on the survey row and the ticket's timeline; false for an expiry that an answer beat. */
    async recordSurveyStep({ ticketId, step }: { ticketId: string; step: SurveyStep }): Promise<boolean> {
      const column = STEP_COLUMNS[step];
      return dataSource.transaction(async (db) => {
        const [updated] = await db.query<[Array<{ id: string }>, number]>(
          `UPDATE ticket_surveys SET ${column} = COALESCE(${column}, now())
           WHERE ticket_id = $1 AND (answered_at IS NULL OR $2 <> 'expired') RETURNING id`,
          [ticketId, step],
        );
        if (updated.length === 0) return false;
        await recordSurveyTimelineEvent(db, ticketId, `survey_${step}`, 'system', { surveyId: updated[0].id });
        return true;
      });
    },
  };
}

export type SurveyActivities = ReturnType<typeof createSurveyActivities>;
