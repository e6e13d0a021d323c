import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RoutingCriteria, RoutingResult } from '../../domain/routing/index.js';

/** An ordered routing rule (libs/domain/routing): the first active rule by position that matches routes the ticket. */
@Entity({ name: 'routing_rules' })
export class RoutingRuleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Unique. */
  @Column('text')
  name!: string;

  @Column('integer')
  position!: number;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('jsonb')
  criteria!: RoutingCriteria;

  /** result.groupId is the group's uuid. */
  @Column('jsonb')
  result!: RoutingResult;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
