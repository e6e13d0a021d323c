import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WorkingInterval } from '../../domain/calendar/index.js';
import type { AgentAvailability } from '../../domain/routing/index.js';

/** A user with role agent, as routing sees them: skills, capacity, availability and load. */
@Entity({ name: 'agents' })
export class AgentEntity {
  @PrimaryColumn('uuid')
  userId!: string;

  /** Level 1..5 by skill. */
  @Column('jsonb', { default: {} })
  skills!: Record<string, number>;

  @Column('text', { array: true, default: '{}' })
  languages!: string[];

  /** The most open tickets the agent takes, 1..1000. */
  @Column('integer', { default: 10 })
  capacity!: number;

  /** IANA time zone of workingHours. */
  @Column('text', { default: 'UTC' })
  timeZone!: string;

  @Column('jsonb', { default: [] })
  workingHours!: WorkingInterval[];

  @Column('text', { default: 'offline' })
  availability!: AgentAvailability;

  /** When the agent last set their availability (even to the same value); null when never. */
  @Column('timestamptz', { nullable: true })
  availabilityChangedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastAssignedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
