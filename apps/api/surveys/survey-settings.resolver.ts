import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { UpdateSurveySettingsInput } from './dto/survey-settings.input.js';
import { SurveySettingsModel } from './models/survey-settings.model.js';
import { SurveySettingsService } from './survey-settings.service.js';
import { SURVEY_READERS, SURVEY_WRITERS } from './surveys.roles.js';

@Resolver(() => SurveySettingsModel)
export class SurveySettingsResolver {
  constructor(private readonly settings: SurveySettingsService) {}

  @Roles(...SURVEY_READERS)
  @Query(() => SurveySettingsModel)
  surveySettings(): Promise<SurveySettingsModel> {
    return this.settings.get();
  }

  @Roles(...SURVEY_WRITERS)
  @Mutation(() => SurveySettingsModel, { description: 'Audited. Applies to surveys started from now on.' })
  updateSurveySettings(@Args('input') input: UpdateSurveySettingsInput, @CurrentUser() caller: AuthenticatedUser): Promise<SurveySettingsModel> {
    return this.settings.update(input, caller.id);
  }
}
