import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { APPROVAL_STATES, type ApprovalState } from '../../../../libs/domain/catalog/approval-rules.js';
import type { Role } from '../../../../libs/domain/auth/roles.js';
import { RoleEnum } from '../../common/graphql-enums.js';

/** PENDING, APPROVED, REJECTED in GraphQL; the domain's lower-case states as values. */
export const ApprovalStateEnum = Object.fromEntries(APPROVAL_STATES.map((state) => [state.toUpperCase(), state])) as {
  [K in ApprovalState as Uppercase<K>]: K;
};
registerEnumType(ApprovalStateEnum, { name: 'ApprovalState', description: 'Where a service request’s approval stands.' });

@ObjectType('ServiceRequestApproval', { description: 'A service request’s approval step, as its fulfilment workflow recorded it.' })
export class ServiceRequestApprovalModel {
  @Field(() => ApprovalStateEnum)
  state!: ApprovalState;

  @Field(() => ID, { nullable: true, description: 'The named approver; null when a role approves.' })
  approverUserId!: string | null;

  @Field(() => RoleEnum, { nullable: true, description: 'Anyone holding this role may decide; null when a named user approves.' })
  approverRole!: Role | null;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the approval, left waiting, was escalated (once).' })
  escalatedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who it was escalated to (who may then decide it too); null: the supervisors.' })
  escalatedTo!: string | null;

  @Field(() => ID, { nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why, as the decider said (a rejection always says).' })
  reason!: string | null;
}
