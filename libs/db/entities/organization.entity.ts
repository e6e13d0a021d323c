import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A customer's company; its id is what tickets' organizationId (and SLA policy conditions) refer to. */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn('text')
  id!: string;

  /** Unique, case-insensitively. */
  @Column('text')
  name!: string;

  /** Email domains whose senders belong to this organization. */
  @Column('text', { array: true })
  domains!: string[];

  @Column('text', { nullable: true })
  tier!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
