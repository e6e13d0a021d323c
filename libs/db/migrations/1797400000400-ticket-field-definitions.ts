import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Custom ticket fields an admin defines (issue 15): the name is the key in `tickets.fields`, unique ignoring case so
 * "Product" and "product" cannot be two fields; the kind and allowed values say which values an agent may set.
 */
export class TicketFieldDefinitions1797400000400 implements MigrationInterface {
  name = 'TicketFieldDefinitions1797400000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ticket_field_definitions (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('text', 'choice', 'number', 'date', 'checkbox')),
        allowed_values text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX ticket_field_definitions_name_unique ON ticket_field_definitions (lower(name))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ticket_field_definitions`);
  }
}
