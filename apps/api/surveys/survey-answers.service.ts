import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { surveyLinkConfig } from '../../../activities/surveys/survey-links.js';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { recordSurveyTimelineEvent } from '../../../libs/db/survey-timeline-events.js';
import { isSurveyScore, SURVEY_SCORE } from '../../../libs/domain/survey/csat.js';
import { isNpsScore, NPS_SCORE } from '../../../libs/domain/survey/nps.js';
import { surveyTokenHash, verifySurveyToken } from '../../../libs/domain/survey/survey-token.js';
import { surveyAnsweredSignal, surveyWorkflowId } from '../../../workflows/survey/survey.contract.js';
import { APP_CONFIG } from '../app-config.token.js';
import { userError } from '../common/user-error.js';
import type { SubmitSurveyInput } from './dto/submit-survey.input.js';
import type { SurveyAnswerModel } from './models/survey-answer.model.js';

// Each refusal has a stable `extensions.reason` beside its code, so a survey page can say what happened.
const forged = () => userError('FORBIDDEN', 'This survey link is not valid.', { reason: 'SURVEY_TOKEN_INVALID' });
const expired = () => userError('CONFLICT', 'This survey has expired.', { reason: 'SURVEY_EXPIRED' });
const alreadyAnswered = () => userError('CONFLICT', 'This survey has already been answered.', { reason: 'SURVEY_ALREADY_ANSWERED' });
const npsNotAsked = () => userError('BAD_USER_INPUT', 'This survey does not ask for a recommendation score.', { reason: 'SURVEY_NPS_NOT_ASKED' });

/** A customer's answer through the survey link: no login, the signed token is the credential, accepted once. */
@Injectable()
export class SurveyAnswersService {
  private readonly tokenSecret: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenSecret = surveyLinkConfig(config).tokenSecret;
  }

  async submit(input: SubmitSurveyInput): Promise<SurveyAnswerModel> {
    if (!isSurveyScore(input.score)) {
      throw userError('BAD_USER_INPUT', `The score must be a whole number from ${SURVEY_SCORE.min} to ${SURVEY_SCORE.max}.`, { reason: 'SURVEY_SCORE_OUT_OF_RANGE' });
    }
    const npsScore = input.npsScore ?? null;
    if (npsScore !== null && !isNpsScore(npsScore)) {
      throw userError('BAD_USER_INPUT', `The NPS score must be a whole number from ${NPS_SCORE.min} to ${NPS_SCORE.max}.`, { reason: 'SURVEY_NPS_SCORE_OUT_OF_RANGE' });
    }
    const check = verifySurveyToken(this.tokenSecret, input.token, Date.now());
    if (!check.ok) throw check.reason === 'forged' ? forged() : expired();
    const { surveyId } = check.claims;
    const tokenHash = surveyTokenHash(input.token);
    const comment = input.comment?.trim() || null;

    const answer = await this.dataSource.transaction(async (db) => {
      // Single use: only the first answer finds answered_at still null. An NPS score is taken only by a survey that
      // asked for it (its copy of the setting, made when it was sent).
      const [rows] = await db.query<[Array<{ ticket_id: string; score: number; nps_score: number | null; asks_nps: boolean; answered_at: Date }>, number]>(
        `UPDATE ticket_surveys SET score = $3, comment = $4, nps_score = $5, answered_at = now()
         WHERE id = $1 AND token_hash = $2 AND answered_at IS NULL AND expires_at > now() AND ($5::integer IS NULL OR asks_nps)
         RETURNING ticket_id, score, nps_score, asks_nps, answered_at`,
        [surveyId, tokenHash, input.score, comment, npsScore],
      );
      if (rows.length === 0) throw await this.refusal(surveyId, tokenHash);
      const [{ ticket_id: ticketId, score, nps_score: recordedNps, asks_nps: asksNps, answered_at: answeredAt }] = rows;
      const npsAnswer = asksNps ? { npsScore: recordedNps } : {};
      await recordSurveyTimelineEvent(db, ticketId, 'survey_answered', 'customer', { surveyId, score, comment, ...npsAnswer });
      return { ticketId, score, npsScore: recordedNps, answeredAt };
    });
    // Only stops the reminder and expiry; a survey already over has nothing to stop.
    await this.temporal.workflow.getHandle(surveyWorkflowId(answer.ticketId)).signal(surveyAnsweredSignal).catch(() => undefined);
    return answer;
  }

  /** Whether the survey behind a link asks NPS; false for a link that leads to no survey (its answer is refused anyway). */
  async asksNps(token: string): Promise<boolean> {
    const check = verifySurveyToken(this.tokenSecret, token, Date.now());
    if (!check.ok) return false;
    const [survey] = await this.dataSource.query<Array<{ asks_nps: boolean }>>(
      'SELECT asks_nps FROM ticket_surveys WHERE id = $1 AND token_hash = $2',
      [check.claims.surveyId, surveyTokenHash(token)],
    );
    return survey?.asks_nps ?? false;
  }

  /** Why a genuine-looking token found no open survey that takes this answer. */
  private async refusal(surveyId: string, tokenHash: string) {
    const [survey] = await this.dataSource.query<Array<{ token_hash: string | null; answered_at: Date | null; open: boolean }>>(
      'SELECT token_hash, answered_at, expires_at > now() AS open FROM ticket_surveys WHERE id = $1',
      [surveyId],
    );
    if (!survey || survey.token_hash !== tokenHash) return forged(); // signed, but never issued
    if (survey.answered_at) return alreadyAnswered();
    // Issued, unanswered and still open: the one condition left is an NPS score for a survey that does not ask it.
    return survey.open ? npsNotAsked() : expired();
  }
}
