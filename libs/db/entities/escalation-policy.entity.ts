import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EscalationStep } from '../../domain/escalation/index.js';

/** What happens when an SLA warns or breaches (libs/domain/escalation); SLA policies point at it. */
@Entity({ name: 'escalation_policies' })
export class EscalationPolicyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Unique. */
  @Column('text')
  name!: string;

  @Column('jsonb')
  steps!: EscalationStep[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
