import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PublicRateLimit } from '../abuse-limits/public-rate-limit.guard.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import { CsatService } from './csat.service.js';
import { CsatArgs } from './dto/csat.args.js';
import { SubmitSurveyInput } from './dto/submit-survey.input.js';
import { CsatReportModel } from './models/csat.model.js';
import { SurveyAnswerModel } from './models/survey-answer.model.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SURVEY_READERS } from './surveys.roles.js';

@Resolver()
export class SurveysResolver {
  constructor(
    private readonly answers: SurveyAnswersService,
    private readonly csatReports: CsatService,
  ) {}

  @Public()
  @PublicRateLimit('survey')
  @Mutation(() => SurveyAnswerModel, {
    description:
      'The customer answers through the survey link (no login; the token is the credential), once. Refusals: FORBIDDEN ' +
      '(reason SURVEY_TOKEN_INVALID), CONFLICT (SURVEY_EXPIRED, SURVEY_ALREADY_ANSWERED), BAD_USER_INPUT (SURVEY_SCORE_OUT_OF_RANGE, ' +
      'SURVEY_NPS_SCORE_OUT_OF_RANGE, SURVEY_NPS_NOT_ASKED).',
  })
  submitSurvey(@Args('input') input: SubmitSurveyInput): Promise<SurveyAnswerModel> {
    return this.answers.submit(input);
  }

  @Roles(...SURVEY_READERS)
  @Query(() => CsatReportModel, { description: 'CSAT = answered surveys scoring 4 or 5 / answered surveys, over answers in [from, to).' })
  csat(@Args() args: CsatArgs): Promise<CsatReportModel> {
    return this.csatReports.report(args);
  }
}
