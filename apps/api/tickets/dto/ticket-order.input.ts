import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { SORT_DIRECTIONS, TICKET_SORT_KEYS, type SortDirection, type TicketSortKey } from '../ticket-sort.js';

export const TicketSortKeyEnum = {
  CREATED_AT: 'created_at',
  UPDATED_AT: 'updated_at',
  SLA_DEADLINE: 'sla_deadline',
  PRIORITY: 'priority',
} as const satisfies Record<string, TicketSortKey>;
export const SortDirectionEnum = { ASC: 'asc', DESC: 'desc' } as const satisfies Record<string, SortDirection>;
registerEnumType(TicketSortKeyEnum, {
  name: 'TicketSortKey',
  valuesMap: {
    SLA_DEADLINE: { description: 'The next SLA deadline among running clocks; tickets with none sort after every deadline.' },
    PRIORITY: { description: 'By rank: LOW < NORMAL < HIGH < URGENT.' },
  },
});
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@InputType({ description: 'Ties are broken by ticket id, so the order (and every page after a cursor) is stable.' })
export class TicketOrderInput {
  // Optional for the validation pipe, which checks an empty instance when orderBy is not given at all.
  @Field(() => TicketSortKeyEnum, { defaultValue: 'created_at' })
  @IsOptional()
  @IsIn(TICKET_SORT_KEYS)
  by?: TicketSortKey;

  @Field(() => SortDirectionEnum, { defaultValue: 'desc' })
  @IsOptional()
  @IsIn(SORT_DIRECTIONS)
  direction?: SortDirection;
}
