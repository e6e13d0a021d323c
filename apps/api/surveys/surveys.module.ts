import { Module } from '@nestjs/common';
import { CsatService } from './csat.service.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SurveyPageController } from './survey-page.controller.js';
import { SurveySettingsResolver } from './survey-settings.resolver.js';
import { SurveySettingsService } from './survey-settings.service.js';
import { SurveysResolver } from './surveys.resolver.js';

/** Satisfaction surveys: their settings, the customer's answer through the link (page or mutation), and CSAT reports. */
@Module({
  controllers: [SurveyPageController],
  providers: [SurveySettingsResolver, SurveySettingsService, SurveysResolver, SurveyAnswersService, CsatService],
})
export class SurveysModule {}
