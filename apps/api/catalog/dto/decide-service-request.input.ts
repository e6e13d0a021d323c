import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { APPROVAL_REASON_MAX_LENGTH } from '../../../../libs/domain/catalog/approval-rules.js';

@InputType({ description: 'Approve a service request waiting on your approval; its fulfilment tasks then start in order.' })
export class ApproveServiceRequestInput {
  @Field(() => ID, { description: 'The service request’s ticket id.' })
  @IsUUID()
  requestId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(APPROVAL_REASON_MAX_LENGTH)
  reason?: string | null;
}

@InputType({ description: 'Reject a service request waiting on your approval; its requester gets the reason in a public reply and the request is closed.' })
export class RejectServiceRequestInput {
  @Field(() => ID, { description: 'The service request’s ticket id.' })
  @IsUUID()
  requestId!: string;

  @Field({ description: 'Why; the requester is told.' })
  @IsString()
  @MaxLength(APPROVAL_REASON_MAX_LENGTH)
  reason!: string;
}
