import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('MailAuthentication', {
  description:
    'The SPF and DMARC verdicts on a received mail, as the relay in front of the help desk reported them (RFC 8601 results, e.g. pass, fail, softfail, neutral, none). A verdict is null when the relay reported none, or when the relay is not trusted (neither AUTH nor INBOUND_TRUSTED_RELAYS), whose headers are not believed.',
})
export class MailAuthenticationModel {
  @Field(() => String, { nullable: true })
  spf!: string | null;

  @Field(() => String, { nullable: true })
  dmarc!: string | null;
}
