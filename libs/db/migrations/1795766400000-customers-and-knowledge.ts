import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables several capabilities share, so each can build on them independently: organizations and customers (created by
 * inbound email, the API and migration imports; a customer is one lower-cased email), the ticket's link to its
 * customer, and the core of knowledge articles (search, versions and links are added by the knowledge migration).
 */
export class CustomersAndKnowledge1795766400000 implements MigrationInterface {
  name = 'CustomersAndKnowledge1795766400000';

  async up(db: QueryRunner): Promise<void> {
    // Text ids: tickets.organization_id (which SLA policies match on) is text, and imports keep the source's ids readable.
    await db.query(`
      CREATE TABLE organizations (
        id text PRIMARY KEY,
        name text NOT NULL,
        domains text[] NOT NULL DEFAULT '{}',
        tier text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX organizations_name_unique ON organizations (lower(name))`);
    await db.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text,
        organization_id text REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT customers_email_lower CHECK (email = lower(email)),
        CONSTRAINT customers_email_unique UNIQUE (email)
      )`);
    await db.query(`ALTER TABLE tickets ADD COLUMN customer_id uuid REFERENCES customers(id)`);
    await db.query(`CREATE INDEX tickets_customer ON tickets (customer_id)`);
    await db.query(`
      CREATE TABLE knowledge_articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('draft','published','archived')),
        audience text NOT NULL CHECK (audience IN ('internal','public')),
        author_id uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE knowledge_articles`);
    await db.query(`ALTER TABLE tickets DROP COLUMN customer_id`);
    await db.query(`DROP TABLE customers`);
    await db.query(`DROP TABLE organizations`);
  }
}
