import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, tickets with their messages and timeline, and the audit log. */
export class Foundation1795420800000 implements MigrationInterface {
  name = 'Foundation1795420800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lower CHECK (email = lower(email)),
        CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['agent','supervisor','admin','implementation_lead','migration_operator']::text[]),
        CONSTRAINT users_email_unique UNIQUE (email)
      )`);
    await db.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY,
        number bigint GENERATED ALWAYS AS IDENTITY,
        subject text NOT NULL,
        description text NOT NULL,
        requester_email text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email','web','chat','phone','api','social')),
        priority text NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
        status text NOT NULL CHECK (status IN ('new','open','pending','on_hold','solved','closed')),
        lifecycle_version integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id),
        idempotency_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tickets_number_unique UNIQUE (number)
      )`);
    // Keyset pagination walks (created_at, id) newest first.
    await db.query(`CREATE INDEX tickets_created_at_id ON tickets (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX tickets_status ON tickets (status)`);
    await db.query(`
      CREATE TABLE ticket_messages (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        author_type text NOT NULL CHECK (author_type IN ('agent','customer')),
        author_user_id uuid REFERENCES users(id),
        body text NOT NULL,
        is_public boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at)`);
    await db.query(`
      CREATE TABLE ticket_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        sequence integer NOT NULL,
        type text NOT NULL,
        actor text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT ticket_events_ticket_sequence_unique UNIQUE (ticket_id, sequence)
      )`);
    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_user_id uuid REFERENCES users(id),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP TABLE ticket_events`);
    await db.query(`DROP TABLE ticket_messages`);
    await db.query(`DROP TABLE tickets`);
    await db.query(`DROP TABLE users`);
  }
}
