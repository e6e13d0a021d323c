import type { EntityManager } from 'typeorm';
import { TicketMessageEntity, type MessageAuthorType } from './entities/ticket-message.entity.js';

export interface NewTicketMessage {
  /** Chosen by the caller (from an idempotency key, or by a workflow), so a retry names the same message. */
  id: string;
  ticketId: string;
  authorType: MessageAuthorType;
  authorUserId: string | null;
  body: string;
  isPublic: boolean;
}

/** Stores the message unless one with its id exists already (a retry's): the stored message, or null then. */
export async function insertMessageOnce(manager: EntityManager, message: NewTicketMessage): Promise<TicketMessageEntity | null> {
  const messages = manager.getRepository(TicketMessageEntity);
  const inserted = await messages.createQueryBuilder().insert().values(message).orIgnore().returning(['id']).execute();
  return inserted.raw.length > 0 ? messages.findOneByOrFail({ id: message.id }) : null;
}
