import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A service of the catalog (Laptop, VPN access…): its owner group takes the requests made of it. */
@Entity({ name: 'services' })
export class ServiceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Unique, case-insensitively. */
  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('uuid')
  ownerGroupId!: string;

  /** Shown in the customer portal's catalog (when active). */
  @Column('boolean', { default: true })
  customerVisible!: boolean;

  /** An inactive service takes no requests; admins still see it. */
  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
