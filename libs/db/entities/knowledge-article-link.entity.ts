import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agent pointed a ticket (or one reply on it: messageId) to a knowledge article. */
@Entity({ name: 'knowledge_article_links' })
export class KnowledgeArticleLinkEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  articleId!: string;

  @Column('uuid')
  ticketId!: string;

  @Column('uuid', { nullable: true })
  messageId!: string | null;

  @Column('uuid')
  linkedBy!: string;

  @Column('timestamptz')
  linkedAt!: Date;
}
