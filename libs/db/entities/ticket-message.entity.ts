import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type MessageAuthorType = 'agent' | 'customer';

/** A reply on a ticket. Bodies live here; the ticket workflow only hears of a message by id. */
@Entity({ name: 'ticket_messages' })
export class TicketMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  ticketId!: string;

  @Column('text')
  authorType!: MessageAuthorType;

  @Column('uuid', { nullable: true })
  authorUserId!: string | null;

  @Column('text')
  body!: string;

  @Column('boolean')
  isPublic!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
