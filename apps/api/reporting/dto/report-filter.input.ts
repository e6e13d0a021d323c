import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, MaxLength } from 'class-validator';
import { DEFAULT_REPEAT_CONTACT_DAYS } from '../../../../libs/domain/reporting/index.js';
import { ReportTicketFilterInput } from './report-ticket-filter.input.js';

@InputType({ description: 'A range of whole days in a time zone, and the tickets read in it.' })
export class ReportFilterInput extends ReportTicketFilterInput {
  @Field({ description: 'First day, YYYY-MM-DD, in timeZone.' })
  @IsString()
  @MaxLength(10)
  from!: string;

  @Field({ description: 'Last day (included), YYYY-MM-DD, in timeZone.' })
  @IsString()
  @MaxLength(10)
  to!: string;

  @Field({ defaultValue: 'UTC', description: "The viewer's IANA time zone: it cuts the days, weeks and months." })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @Field(() => Int, { defaultValue: DEFAULT_REPEAT_CONTACT_DAYS, description: 'The window of REPEAT_CONTACT_RATE, in days.' })
  @IsInt()
  repeatContactDays!: number;
}
