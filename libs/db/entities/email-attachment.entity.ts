import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file that came with an inbound mail: its metadata, and its bytes (read only when asked for). */
@Entity({ name: 'email_attachments' })
export class EmailAttachmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  ticketId!: string;

  @Column('text')
  inboundMessageId!: string;

  @Column('text', { nullable: true })
  filename!: string | null;

  @Column('text')
  contentType!: string;

  @Column('integer')
  sizeBytes!: number;

  @Column('text')
  sha256!: string;

  @Column('bytea', { select: false })
  content!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
