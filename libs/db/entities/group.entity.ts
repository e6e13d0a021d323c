import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A queue tickets are routed to (Billing, Tier 2…); exactly one group is the fallback for tickets no rule takes. */
@Entity({ name: 'groups' })
export class GroupEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Unique. */
  @Column('text')
  name!: string;

  /** The fallback queue (the migration creates it; at most one). */
  @Column('boolean', { default: false })
  isFallback!: boolean;

  /** Every agent sees the group's tickets; otherwise only its members (and whoever a ticket is assigned to). */
  @Column('boolean', { default: true })
  visibleToAllAgents!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
