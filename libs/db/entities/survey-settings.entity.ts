import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SurveyTrigger } from '../../domain/survey/survey-settings.js';

/** When satisfaction surveys go out: a single row (id 1), created by the migration. */
@Entity({ name: 'survey_settings' })
export class SurveySettingsEntity {
  @PrimaryColumn('smallint')
  id!: number;

  @Column('boolean')
  enabled!: boolean;

  @Column('text')
  trigger!: SurveyTrigger;

  @Column('integer')
  delayMinutes!: number;

  @Column('integer', { nullable: true })
  reminderAfterDays!: number | null;

  @Column('integer')
  expiresAfterDays!: number;

  @Column('boolean')
  askNps!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const SURVEY_SETTINGS_ID = 1;
