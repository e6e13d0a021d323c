import { InputType } from '@nestjs/graphql';
import { TicketMessageFields } from './ticket-message.fields.js';

@InputType({ description: "A customer's message logged by an agent (a phone call, a chat transcript)." })
export class RecordCustomerReplyInput extends TicketMessageFields {}
