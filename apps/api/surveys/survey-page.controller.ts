import { Body, Controller, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { PublicRateLimit } from '../abuse-limits/public-rate-limit.guard.js';
import { Public } from '../auth/roles.decorator.js';
import { USER_ERROR_HTTP_STATUS } from '../common/graphql-error.filter.js';
import type { UserErrorCode } from '../common/user-error.js';
import { SURVEY_COMMENT_MAX_LENGTH } from './dto/submit-survey.input.js';
import { surveyFormPage, surveyResultPage } from './survey-page.html.js';
import { SurveyAnswersService } from './survey-answers.service.js';

/** The form's optional NPS choice: an unchecked radio group sends nothing, and an empty value is no answer either. */
function npsScoreOf(body: Record<string, unknown>): number | null {
  const value = body.npsScore;
  return value === undefined || value === '' ? null : Number(value);
}

/**
 * Where survey links lead (`PUBLIC_URL/survey?token=…`): a form without script that posts back here, answered by the
 * same service as `submitSurvey`, with the same checks. Front ends of your own can call the mutation instead.
 */
@Controller('survey')
export class SurveyPageController {
  constructor(private readonly answers: SurveyAnswersService) {}

  @Public()
  @PublicRateLimit('survey')
  @Get()
  async form(@Query('token') token: string | undefined, @Res() response: Response): Promise<void> {
    if (!token) {
      response.status(HttpStatus.BAD_REQUEST).type('html').send(surveyResultPage('Survey', 'This link is incomplete: open the link from the mail.'));
      return;
    }
    response.type('html').send(surveyFormPage(token, { asksNps: await this.answers.asksNps(token) }));
  }

  @Public()
  @PublicRateLimit('survey')
  @Post()
  async submit(@Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const comment = typeof body.comment === 'string' ? body.comment : null;
    if (comment !== null && comment.length > SURVEY_COMMENT_MAX_LENGTH) {
      response.status(HttpStatus.BAD_REQUEST).type('html').send(surveyResultPage('Survey', `Please keep the comment under ${SURVEY_COMMENT_MAX_LENGTH} characters.`));
      return;
    }
    try {
      await this.answers.submit({ token: String(body.token ?? ''), score: Number(body.score), npsScore: npsScoreOf(body), comment });
      response.status(HttpStatus.OK).type('html').send(surveyResultPage('Thank you', 'Your answer has been recorded.'));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const status = USER_ERROR_HTTP_STATUS[error.extensions.code as UserErrorCode] ?? HttpStatus.BAD_REQUEST;
      response.status(status).type('html').send(surveyResultPage('Survey', error.message));
    }
  }
}
