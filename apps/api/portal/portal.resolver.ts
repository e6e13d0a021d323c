import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PublicRateLimit } from '../abuse-limits/public-rate-limit.guard.js';
import { Public } from '../auth/roles.decorator.js';
import { ReplyToPortalRequestInput } from './dto/reply-to-portal-request.input.js';
import { SubmitPortalRequestInput } from './dto/submit-portal-request.input.js';
import { PortalRequestModel } from './models/portal-request.model.js';
import { PortalReplyModel, PortalRequestReceiptModel } from './models/portal-results.model.js';
import { PortalRequestsService } from './portal-requests.service.js';

const LINK_REFUSALS = 'FORBIDDEN for a link that is not valid (reason PORTAL_LINK_INVALID) or has expired (PORTAL_LINK_EXPIRED).';

/** The customer portal: no login anywhere; the mailed link's token is the credential for one request. */
@Resolver()
export class PortalResolver {
  constructor(private readonly requests: PortalRequestsService) {}

  @Public()
  @PublicRateLimit('portal')
  @Mutation(() => PortalRequestReceiptModel, {
    description:
      'No login: opens a ticket on the web channel, as createTicket does; its acknowledgment mails the requester a link to ' +
      'follow and answer it. BAD_USER_INPUT names each field that is wrong.',
  })
  submitPortalRequest(@Args('input') input: SubmitPortalRequestInput): Promise<PortalRequestReceiptModel> {
    return this.requests.submit(input);
  }

  @Public()
  @PublicRateLimit('portal')
  @Query(() => PortalRequestModel, { description: `No login: the request a mailed link names, with its public conversation. ${LINK_REFUSALS}` })
  portalRequest(@Args('token') token: string): Promise<PortalRequestModel> {
    return this.requests.request(token);
  }

  @Public()
  @PublicRateLimit('portal')
  @Mutation(() => PortalReplyModel, {
    description:
      "No login: the customer's answer on the request's page, recorded as a customer reply (a solved request reopens; a closed " +
      `one gets a follow-up request). ${LINK_REFUSALS}`,
  })
  replyToPortalRequest(@Args('input') input: ReplyToPortalRequestInput): Promise<PortalReplyModel> {
    return this.requests.reply(input);
  }
}
