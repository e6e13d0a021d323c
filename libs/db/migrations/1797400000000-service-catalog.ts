import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service catalog (issue 15): services with an owner group, their request items (a form, an optional approval, the
 * fulfilment tasks), and on a ticket the service request it is: the service, the item and the submitted form values
 * (written once by the ticket workflow's persist activity, like the rest of a ticket's facts). Names are unique
 * case-insensitively (per service for items), so "Laptop" and "laptop" are never two entries of one list.
 */
export class ServiceCatalog1797400000000 implements MigrationInterface {
  name = 'ServiceCatalog1797400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        owner_group_id uuid NOT NULL CONSTRAINT services_owner_group_fk REFERENCES groups(id),
        customer_visible boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX services_name_unique ON services (lower(name))`);
    await db.query(`
      CREATE TABLE service_request_items (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL CONSTRAINT service_request_items_service_fk REFERENCES services(id),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        customer_visible boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        position integer NOT NULL,
        form_fields jsonb NOT NULL DEFAULT '[]',
        approval jsonb NULL,
        fulfilment_tasks jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX service_request_items_name_unique ON service_request_items (service_id, lower(name))`);
    await db.query(`
      ALTER TABLE tickets
        ADD COLUMN service_id uuid NULL CONSTRAINT tickets_service_fk REFERENCES services(id),
        ADD COLUMN request_item_id uuid NULL CONSTRAINT tickets_request_item_fk REFERENCES service_request_items(id),
        ADD COLUMN request_values jsonb NULL`);
    await db.query(`CREATE INDEX tickets_service ON tickets (service_id) WHERE service_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX tickets_service`);
    await db.query(`ALTER TABLE tickets DROP COLUMN request_values, DROP COLUMN request_item_id, DROP COLUMN service_id`);
    await db.query(`DROP TABLE service_request_items`);
    await db.query(`DROP TABLE services`);
  }
}
