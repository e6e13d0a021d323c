import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EmailTemplateKey } from '../../domain/email/email-templates.js';

/** An admin's wording of one customer mail; without a row, the shipped default applies. */
@Entity({ name: 'email_templates' })
export class EmailTemplateEntity {
  @PrimaryColumn('text')
  key!: EmailTemplateKey;

  @Column('text')
  subject!: string;

  @Column('text')
  body!: string;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
