import { Module } from '@nestjs/common';
import { CsatService } from './csat.service.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SurveySettingsResolver } from './survey-settings.resolver.js';
import { SurveySettingsService } from './survey-settings.service.js';
import { SurveysResolver } from './surveys.resolver.js';

/** Satisfaction surveys: their settings, the customer's answer through the link, and CSAT reports. */
@Module({
  providers: [SurveySettingsResolver, SurveySettingsService, SurveysResolver, SurveyAnswersService, CsatService],
})
export class SurveysModule {}
