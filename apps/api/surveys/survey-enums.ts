import { registerEnumType } from '@nestjs/graphql';
import { SURVEY_TRIGGERS } from '../../../libs/domain/survey/survey-settings.js';

export const SurveyTriggerEnum = { SOLVED: 'solved', CLOSED: 'closed' } as const satisfies Record<string, (typeof SURVEY_TRIGGERS)[number]>;
/** What CSAT is broken down by: who had the ticket, its group, or the day, week or month (UTC) of the answer. */
export const CSAT_GROUPINGS = ['agent', 'group', 'day', 'week', 'month'] as const;
export type CsatGrouping = (typeof CSAT_GROUPINGS)[number];
export const CsatGroupingEnum = { AGENT: 'agent', GROUP: 'group', DAY: 'day', WEEK: 'week', MONTH: 'month' } as const satisfies Record<string, CsatGrouping>;

registerEnumType(SurveyTriggerEnum, { name: 'SurveyTrigger', description: 'The ticket status that starts the survey countdown.' });
registerEnumType(CsatGroupingEnum, { name: 'CsatGrouping', description: 'Agent and group as they were when the survey was sent.' });
