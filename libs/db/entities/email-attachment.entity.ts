import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A file that came with a customer's mail (`inboundMessageId`), or one an agent uploaded (`uploadedBy`) to send with a
 * reply (`sentWithMessageId` once a reply references it): its metadata, and its bytes (read only when asked for, in
 * slices: libs/db/attachment-content.ts).
 */
@Entity({ name: 'email_attachments' })
export class EmailAttachmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  ticketId!: string;

  @Column('text', { nullable: true })
  inboundMessageId!: string | null;

  @Column('uuid', { nullable: true })
  uploadedBy!: string | null;

  @Column('uuid', { nullable: true })
  sentWithMessageId!: string | null;

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
