import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One public (customer) knowledge search, and the article the customer then opened from its results, if any. */
@Entity({ name: 'knowledge_searches' })
export class KnowledgeSearchEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The normalised query. */
  @Column('text')
  query!: string;

  @Column('integer')
  resultCount!: number;

  @Column('timestamptz')
  searchedAt!: Date;

  /** The first result opened; the click itself is `clickedAt` (it stays if the article is ever deleted). */
  @Column('uuid', { nullable: true })
  clickedArticleId!: string | null;

  @Column('timestamptz', { nullable: true })
  clickedAt!: Date | null;
}
