import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Holiday, WorkingInterval } from '../../domain/calendar/index.js';

/** A support team's working hours in one time zone, minus holidays (libs/domain/calendar); SLA policies point at it. */
@Entity({ name: 'business_calendars' })
export class BusinessCalendarEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Unique. */
  @Column('text')
  name!: string;

  /** IANA name, e.g. Europe/Paris. */
  @Column('text')
  timeZone!: string;

  @Column('jsonb')
  intervals!: WorkingInterval[];

  @Column('jsonb')
  holidays!: Holiday[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
