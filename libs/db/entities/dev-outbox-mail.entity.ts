import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A mail the local SMTP sink received: what a customer would have got, for people and tests to read. */
@Entity({ name: 'dev_outbox' })
export class DevOutboxMailEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('timestamptz')
  receivedAt!: Date;

  @Column('text')
  envelopeFrom!: string;

  @Column('text', { array: true })
  envelopeTo!: string[];

  @Column('text', { nullable: true })
  messageId!: string | null;

  @Column('text')
  subject!: string;

  @Column('text')
  textBody!: string;

  @Column('text', { nullable: true })
  htmlBody!: string | null;

  /** Header values by lower-cased name. */
  @Column('jsonb')
  headers!: Record<string, string>;

  /** What was attached to the mail (not the bytes). */
  @Column('jsonb')
  attachments!: DevOutboxAttachment[];
}

export interface DevOutboxAttachment {
  filename: string | null;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}
