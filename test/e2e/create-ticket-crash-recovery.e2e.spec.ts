import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import pg from 'pg';
import type { CreateTicketInput } from '../../apps/api/tickets/dto/create-ticket.input.js';
import { newTicketFrom } from '../../apps/api/tickets/new-ticket.js';
import { ticketIdFor } from '../../apps/api/tickets/ticket-id.js';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { TICKET_PRIORITY_ATTRIBUTE, TICKET_STATUS_ATTRIBUTE } from '../../libs/temporal/search-attributes.js';
import { TICKET_WORKFLOW_TYPE, ticketWorkflowId, type NewTicket, type TicketWorkflowInput } from '../../workflows/ticket/ticket.contract.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, createdEventCount, newTicket, ticketRowCount, ticketWorkflowRuns } from '../support/tickets.js';
import { activityAttempts, localActivityAttempts } from '../support/activity-attempts.js';

// DESIGN.md §3: no ticket row without its workflow, no workflow without its row, and a client retry with the same
// idempotency key yields the same ticket, whatever step the API (or the database) failed at.
describe('creating a ticket survives a crash between the row and the workflow', () => {
  let system: TestSystem;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  /**
   * What the API had done when it died: started the ticket's workflow as TicketWorkflowsClient.open does (the input
   * TicketsService builds, so the same id derived from the caller and the key; same options), and nothing after.
   */
  async function startWorkflowAsTheApiWould(
    key: string,
    subject: string,
  ): Promise<{ ticket: NewTicket; handle: WorkflowHandleWithFirstExecutionRunId }> {
    // The same request as retryCreate sends, in the values the resolver hands the service (enums as stored).
    const input = newTicket({ subject, idempotencyKey: key });
    const request = { ...input, channel: 'email', priority: 'high' } as CreateTicketInput;
    const ticket = newTicketFrom(request, agentId, new Date(Date.now() - 60_000));
    expect(ticket.id).toBe(ticketIdFor(agentId, key));
    const handle = await system.temporal.workflow.start(TICKET_WORKFLOW_TYPE, {
      workflowId: ticketWorkflowId(ticket.id),
      taskQueue: system.config.taskQueue,
      args: [{ ticket } satisfies TicketWorkflowInput],
      typedSearchAttributes: [
        { key: TICKET_STATUS_ATTRIBUTE, value: 'new' },
        { key: TICKET_PRIORITY_ATTRIBUTE, value: ticket.priority },
      ],
    });
    return { ticket, handle };
  }

  const retryCreate = (key: string, subject: string) => system.graphql(CREATE_TICKET, { input: newTicket({ subject, idempotencyKey: key }) }, agent);

  async function expectExactlyOneTicket(ticketId: string, runId: string): Promise<void> {
    expect(await ticketRowCount(system.dataSource, 'id = $1', [ticketId])).toBe(1);
    const runs = await ticketWorkflowRuns(system.temporal, ticketId);
    expect(runs.map((run) => [run.runId, run.status.name])).toEqual([[runId, 'RUNNING']]);
    expect(await createdEventCount(system.dataSource, ticketId)).toBe(1);
  }


  describe('the API died after starting the workflow', () => {
    let lock: pg.Client;

    beforeEach(async () => {
      lock = new pg.Client({ connectionString: system.config.databaseUrl });
      await lock.connect();
    });
    afterEach(async () => {
      await lock.end();
    });

    it('before the workflow wrote the row: the retry joins that workflow and returns its ticket once the row exists', async () => {
      // Hold the ticket insert back, so the crash state lasts: a workflow, and no row yet.
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE tickets IN EXCLUSIVE MODE');
      const { ticket, handle } = await startWorkflowAsTheApiWould('crash-before-row', 'Crashed before the row');
      await waitFor(
        'the persist activity to wait on the lock',
        async () => {
          // Asked on another connection: inside its transaction, `lock` would keep seeing one snapshot of the activity.
          const waiting = await system.dataSource.query(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO tickets%'",
          );
          if (waiting.length === 0) throw new Error('not waiting yet');
        },
        10_000,
        25,
      );
      expect((await lock.query('SELECT count(*)::int AS n FROM tickets WHERE id = $1', [ticket.id])).rows).toEqual([{ n: 0 }]);

      const retried = retryCreate('crash-before-row', 'Crashed before the row');
      // The retry reached the workflow (its openTicket update is accepted and waits for the row). The blocked insert is a
      // local activity holding the workflow task: the update is accepted when that task heartbeats (about every 8 s).
      await waitFor(
        'the retried openTicket update to be accepted',
        async () => {
          const events = (await handle.fetchHistory()).events ?? [];
          if (!events.some((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === 'open')) {
            throw new Error('not accepted yet');
          }
        },
        30_000,
        25,
      );
      await lock.query('COMMIT');

      const { data, errors } = await retried;
      expect(errors).toBeUndefined();
      // The ticket the first (crashed) request started, not a new one: its creation instant is the first request's.
      expect(data!.createTicket).toMatchObject({ id: ticket.id, subject: 'Crashed before the row', status: 'NEW', createdAt: ticket.createdAt });
      await expectExactlyOneTicket(ticket.id, handle.firstExecutionRunId);
    });

    it('after the workflow wrote the row: the retry returns that ticket and starts nothing', async () => {
      const { ticket, handle } = await startWorkflowAsTheApiWould('crash-after-row', 'Crashed after the row');
      await waitFor(
        'the workflow to write the row and its first event',
        async () => {
          const rows = await system.dataSource.query('SELECT 1 FROM ticket_events WHERE ticket_id = $1', [ticket.id]);
          if (rows.length === 0) throw new Error('no row yet');
        },
        10_000,
        25,
      );

      const { data, errors } = await retryCreate('crash-after-row', 'Crashed after the row');
      expect(errors).toBeUndefined();
      expect(data!.createTicket).toMatchObject({ id: ticket.id, createdAt: ticket.createdAt });
      await expectExactlyOneTicket(ticket.id, handle.firstExecutionRunId);
      // The row answered the retry: no update reached the workflow.
      const events = (await handle.fetchHistory()).events ?? [];
      expect(events.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes)).toEqual([]);
    });
  });

  describe('a database write inside the workflow fails', () => {
    /**
     * A trigger that makes the first `failures` matching inserts into `table` fail, as a dropped connection or a
     * failover would. The count lives in a sequence because sequences ignore the rollback the failure causes.
     */
    async function failInserts(
      table: string,
      condition: string,
      failures = 1,
    ): Promise<{ attempts(): Promise<number>; remove(): Promise<void> }> {
      const name = `fail_inserts_${table}`;
      await system.dataSource.query(`CREATE SEQUENCE ${name}`);
      await system.dataSource.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF ${condition} AND nextval('${name}') <= ${failures} THEN
            RAISE EXCEPTION 'simulated outage: insert into ${table} failed';
          END IF;
          RETURN NEW;
        END $$`);
      await system.dataSource.query(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
      return {
        attempts: async () => {
          const [{ last_value, is_called }] = await system.dataSource.query(`SELECT last_value, is_called FROM ${name}`);
          return is_called ? Number(last_value) : 0;
        },
        remove: async () => {
          await system.dataSource.query(`DROP TRIGGER ${name} ON ${table}`);
          await system.dataSource.query(`DROP FUNCTION ${name}()`);
          await system.dataSource.query(`DROP SEQUENCE ${name}`);
        },
      };
    }

    /** Creates a ticket through the API as a client would; the answer must be the ticket, whatever failed inside. */
    async function createThroughFailures(key: string, subject: string) {
      const { data, errors } = await retryCreate(key, subject);
      expect(errors).toBeUndefined();
      expect(data!.createTicket).toMatchObject({ id: ticketIdFor(agentId, key), subject, status: 'NEW' });
      const id: string = data!.createTicket.id;
      return { id, handle: system.temporal.workflow.getHandle(ticketWorkflowId(id)) };
    }

    it('the ticket insert: the persist activity retries, and the client gets its ticket with one row and one workflow', async () => {
      const failure = await failInserts('tickets', "NEW.subject = 'Insert fails once'");
      try {
        const { id, handle } = await createThroughFailures('persist-fails-once', 'Insert fails once');

        expect(await failure.attempts()).toBe(2);
        // A new ticket's creation runs as local activities: the second attempt completed it.
        expect(await localActivityAttempts(handle, 'persistTicket')).toEqual([2]);
        const { runId } = await handle.describe();
        await expectExactlyOneTicket(id, runId);
      } finally {
        await failure.remove();
      }
    });

    it('the first lifecycle write: it is retried as a whole, and the ticket ends with one created event and version 1', async () => {
      const failure = await failInserts('ticket_events', "NEW.type = 'created'");
      try {
        const { id, handle } = await createThroughFailures('lifecycle-fails-once', 'Lifecycle write fails once');

        expect(await failure.attempts()).toBe(2);
        expect(await localActivityAttempts(handle, 'recordLifecycle')).toEqual([2]);
        const [row] = await system.dataSource.query('SELECT status, lifecycle_version FROM tickets WHERE id = $1', [id]);
        expect(row).toEqual({ status: 'new', lifecycle_version: 1 });
        const { runId } = await handle.describe();
        await expectExactlyOneTicket(id, runId);
      } finally {
        await failure.remove();
      }
    });

    it('the ticket insert, more often than a workflow task tries it: the activity the server retries takes over', async () => {
      const failure = await failInserts('tickets', "NEW.subject = 'Insert fails three times'", 3);
      try {
        const { id, handle } = await createThroughFailures('persist-fails-three-times', 'Insert fails three times');

        expect(await failure.attempts()).toBe(4);
        // Three attempts inside the workflow task (one marker, failed), then the remote activity, whose first attempt wrote the row.
        expect(await localActivityAttempts(handle, 'persistTicket')).toEqual([3]);
        expect(await activityAttempts(handle, 'persistTicket')).toEqual([{ attempt: 1, lastFailure: null }]);
        const { runId } = await handle.describe();
        await expectExactlyOneTicket(id, runId);
      } finally {
        await failure.remove();
      }
    });

    it('keeps failing while the worker is stopped: the worker stops all the same, and the next one creates the ticket', async () => {
      const failure = await failInserts('tickets', "NEW.subject = 'Insert keeps failing'", 1_000_000);
      let failing = true;
      try {
        const { ticket, handle } = await startWorkflowAsTheApiWould('persist-keeps-failing', 'Insert keeps failing');
        await waitFor(
          'the insert to fail twice',
          async () => {
            if ((await failure.attempts()) < 2) throw new Error('not yet');
          },
          10_000,
          50,
        );
        // A deploy stops the worker with the creation still retrying: the stop must not wait for the database.
        await system.replaceWorker(20_000);
        await failure.remove();
        failing = false;
        await waitFor(
          'the next worker to create the ticket',
          async () => {
            if ((await createdEventCount(system.dataSource, ticket.id)) !== 1) throw new Error('not created yet');
          },
          25_000,
          100,
        );
        await expectExactlyOneTicket(ticket.id, handle.firstExecutionRunId);
      } finally {
        if (failing) await failure.remove();
      }
    });
  });
});
