import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CalendarsService } from './calendars.service.js';
import { BusinessCalendarInput } from './dto/business-calendar.input.js';
import { BusinessCalendarModel } from './models/business-calendar.model.js';
import { CONFIG_READERS, CONFIG_WRITERS } from './sla-config.roles.js';

@Resolver(() => BusinessCalendarModel)
export class CalendarsResolver {
  constructor(private readonly calendars: CalendarsService) {}

  @Roles(...CONFIG_READERS)
  @Query(() => [BusinessCalendarModel], { description: 'By name.' })
  businessCalendars(): Promise<BusinessCalendarModel[]> {
    return this.calendars.list();
  }

  @Roles(...CONFIG_READERS)
  @Query(() => BusinessCalendarModel)
  businessCalendar(@Args('id', { type: () => ID }) id: string): Promise<BusinessCalendarModel> {
    return this.calendars.get(id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => BusinessCalendarModel, { description: 'Refused unless the calendar has working time; audited.' })
  createBusinessCalendar(@Args('input') input: BusinessCalendarInput, @CurrentUser() caller: AuthenticatedUser): Promise<BusinessCalendarModel> {
    return this.calendars.create(input, caller.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => BusinessCalendarModel, { description: 'Replaces the calendar with the input; audited.' })
  updateBusinessCalendar(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: BusinessCalendarInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<BusinessCalendarModel> {
    return this.calendars.update(id, input, caller.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => ID, { description: 'Refused (CONFLICT) while an SLA policy uses the calendar; returns the deleted id; audited.' })
  deleteBusinessCalendar(@Args('id', { type: () => ID }) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<string> {
    return this.calendars.delete(id, caller.id);
  }
}
