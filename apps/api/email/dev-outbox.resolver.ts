import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { DevOutboxMailEntity } from '../../../libs/db/entities/dev-outbox-mail.entity.js';
import { Roles } from '../auth/roles.decorator.js';
import { DevOutboxArgs } from './dto/dev-outbox.args.js';
import { EMAIL_ADMINS } from './email.roles.js';
import { DevOutboxMailModel, toDevOutboxMailModel } from './models/dev-outbox-mail.model.js';

@Resolver(() => DevOutboxMailModel)
export class DevOutboxResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Roles(...EMAIL_ADMINS)
  @Query(() => [DevOutboxMailModel], {
    description: 'Newest first: the mail the dev outbox (the local SMTP sink used when SMTP_URL is unset) received.',
  })
  async devOutbox(@Args() { to, first }: DevOutboxArgs): Promise<DevOutboxMailModel[]> {
    const query = this.dataSource
      .getRepository(DevOutboxMailEntity)
      .createQueryBuilder('m')
      .orderBy('m.received_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(first);
    if (to) query.where('lower(:to) = ANY (m.envelope_to)', { to });
    return (await query.getMany()).map(toDevOutboxMailModel);
  }
}
