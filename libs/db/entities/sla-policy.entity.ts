import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SlaPolicy } from '../../domain/sla/index.js';

/**
 * An SLA policy as libs/domain/sla defines it, plus whether it is in use. The JSON columns hold the domain's shapes,
 * since the ticket workflow's activity reads them as they are: the first active policy by position that matches applies.
 */
@Entity({ name: 'sla_policies' })
export class SlaPolicyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Unique. */
  @Column('text')
  name!: string;

  /** 0 is tried first; the API keeps positions 0..n-1 without gaps. */
  @Column('integer')
  position!: number;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('jsonb')
  conditions!: SlaPolicy['conditions'];

  @Column('jsonb')
  targets!: SlaPolicy['targets'];

  @Column('jsonb')
  pauseWhile!: SlaPolicy['pauseWhile'];

  @Column('jsonb')
  warningThresholds!: number[];

  /** null: the built-in 24x7 calendar. */
  @Column('uuid', { nullable: true })
  calendarId!: string | null;

  @Column('uuid', { nullable: true })
  escalationPolicyId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
