import { randomUUID } from 'node:crypto';
import { validateCalendar } from '../../libs/domain/calendar/index.js';
import { validateEscalationPolicy } from '../../libs/domain/escalation/index.js';
import { validateSlaPolicy } from '../../libs/domain/sla/index.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { tableRows } from '../support/table-rows.js';

// The admin configuration of SLAs over GraphQL, against the real API and PostgreSQL: what is written, what is refused
// (with nothing written), who may do it, and the audit log.

const CALENDAR_FIELDS = 'id name timeZone intervals { day start end } holidays { date recurring name } createdAt updatedAt';
const ESCALATION_FIELDS =
  'id name steps { trigger { on metric thresholdPercent } action { type recipients groupId } repeatEveryMinutes } createdAt updatedAt';
const SLA_FIELDS = `id name position active
  conditions { priorities channels organizationIds customerTiers groupIds tags }
  targets { priority metric minutes businessHours }
  pauseWhile { metric statuses }
  warningThresholds calendarId escalationPolicyId createdAt updatedAt`;

const CREATE_CALENDAR = `mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { ${CALENDAR_FIELDS} } }`;
const UPDATE_CALENDAR = `mutation($id: ID!, $input: BusinessCalendarInput!) { updateBusinessCalendar(id: $id, input: $input) { ${CALENDAR_FIELDS} } }`;
const DELETE_CALENDAR = 'mutation($id: ID!) { deleteBusinessCalendar(id: $id) }';
const LIST_CALENDARS = `query { businessCalendars { ${CALENDAR_FIELDS} } }`;
const READ_CALENDAR = `query($id: ID!) { businessCalendar(id: $id) { ${CALENDAR_FIELDS} } }`;

const CREATE_ESCALATION = `mutation($input: EscalationPolicyInput!) { createEscalationPolicy(input: $input) { ${ESCALATION_FIELDS} } }`;
const UPDATE_ESCALATION = `mutation($id: ID!, $input: EscalationPolicyInput!) { updateEscalationPolicy(id: $id, input: $input) { ${ESCALATION_FIELDS} } }`;
const DELETE_ESCALATION = 'mutation($id: ID!) { deleteEscalationPolicy(id: $id) }';
const LIST_ESCALATIONS = `query { escalationPolicies { ${ESCALATION_FIELDS} } }`;

const CREATE_SLA = `mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { ${SLA_FIELDS} } }`;
const UPDATE_SLA = `mutation($id: ID!, $input: SlaPolicyInput!) { updateSlaPolicy(id: $id, input: $input) { ${SLA_FIELDS} } }`;
const DELETE_SLA = 'mutation($id: ID!) { deleteSlaPolicy(id: $id) }';
const LIST_SLAS = `query { slaPolicies { ${SLA_FIELDS} calendar { name } escalationPolicy { name } } }`;
const REORDER_SLAS = 'mutation($ids: [ID!]!) { reorderSlaPolicies(ids: $ids) { id name position } }';

const READ_SETTINGS = 'query { helpdeskSettings { autoCloseDays updatedAt } }';
const UPDATE_SETTINGS = 'mutation($input: UpdateHelpdeskSettingsInput!) { updateHelpdeskSettings(input: $input) { autoCloseDays updatedAt } }';

let uniqueName = 0;
/** Names are unique per table, and the tests of this file share one database. */
function named(prefix: string): string {
  uniqueName += 1;
  return `${prefix} ${uniqueName}`;
}

/** Mon–Fri 09:00–17:00 in Paris, closed on Christmas. */
function calendarInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: named('Paris office'),
    timeZone: 'Europe/Paris',
    intervals: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, start: '09:00', end: '17:00' })),
    holidays: [{ date: '2025-12-25', recurring: true, name: 'Christmas' }],
    ...overrides,
  };
}

function escalationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: named('Escalate to supervisors'),
    steps: [
      { trigger: { on: 'WARNING', metric: 'FIRST_REPLY', thresholdPercent: 75 }, action: { type: 'NOTIFY', recipients: 'SUPERVISORS' } },
      { trigger: { on: 'BREACH' }, action: { type: 'REASSIGN', groupId: 'tier-2' }, repeatEveryMinutes: 30 },
    ],
    ...overrides,
  };
}

function slaInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: named('Standard'),
    targets: [
      { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 30 },
      { priority: 'URGENT', metric: 'RESOLUTION', minutes: 240, businessHours: false },
    ],
    ...overrides,
  };
}

describe('SLA configuration over GraphQL', () => {
  let system: TestSystem;
  let admin: string;
  let adminId: string;
  let supervisor: string;
  let agent: string;

  const call = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token = admin) =>
    system.graphql<T>(query, variables, token);

  /** Every row of the configuration tables and of the audit log, to show that a refused mutation wrote nothing. */
  const everything = () => tableRows(system.dataSource, ['business_calendars', 'escalation_policies', 'sla_policies', 'helpdesk_settings', 'audit_log']);

  async function auditOf(entityType: string, entityId: string) {
    return system.dataSource.query<Array<{ action: string; actor_user_id: string | null; before: any; after: any; at: Date }>>(
      'SELECT action, actor_user_id, before, after, at FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id',
      [entityType, entityId],
    );
  }

  async function expectRefused(query: string, variables: Record<string, unknown>, code: string, ...fragments: Array<string | RegExp>) {
    const before = await everything();
    const error = onlyError(await call(query, variables));
    expect(error.code).toBe(code);
    for (const fragment of fragments) expect(error.message).toMatch(fragment);
    expect(await everything()).toEqual(before);
    return error;
  }

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin, userId: adminId } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  describe('business calendars', () => {
    it('creates a calendar, stores the domain shape the workflow reads, and audits it', async () => {
      const input = calendarInput();
      const created = dataOf(await call(CREATE_CALENDAR, { input })).createBusinessCalendar;
      expect(created).toMatchObject({
        name: input.name,
        timeZone: 'Europe/Paris',
        intervals: input.intervals,
        holidays: [{ date: '2025-12-25', recurring: true, name: 'Christmas' }],
      });

      const [row] = await system.dataSource.query('SELECT name, time_zone, intervals, holidays FROM business_calendars WHERE id = $1', [created.id]);
      expect(row).toEqual({
        name: input.name,
        time_zone: 'Europe/Paris',
        intervals: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
        holidays: [{ date: '2025-12-25', recurring: true, name: 'Christmas' }],
      });
      expect(validateCalendar({ timeZone: row.time_zone, intervals: row.intervals, holidays: row.holidays })).toEqual([]);

      const audit = await auditOf('business_calendar', created.id);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'business_calendar.created', actor_user_id: adminId, before: null, after: expect.objectContaining({ name: input.name, intervals: row.intervals }) }),
      ]);
    });

    it('lists and reads calendars for admins and supervisors, and refuses agents', async () => {
      const created = dataOf(await call(CREATE_CALENDAR, { input: calendarInput() })).createBusinessCalendar;

      const listed = dataOf(await call(LIST_CALENDARS, {}, supervisor)).businessCalendars;
      expect(listed.map((c: { id: string }) => c.id)).toContain(created.id);
      const names = listed.map((c: { name: string }) => c.name);
      expect(names).toEqual([...names].sort());
      expect(dataOf(await call(READ_CALENDAR, { id: created.id }, supervisor)).businessCalendar).toEqual(created);

      expect(onlyError(await call(LIST_CALENDARS, {}, agent)).code).toBe('FORBIDDEN');
      expect(onlyError(await call(READ_CALENDAR, { id: created.id }, agent)).code).toBe('FORBIDDEN');
      expect(onlyError(await system.graphql(LIST_CALENDARS, {})).code).toBe('UNAUTHENTICATED');
    });

    it('replaces a calendar on update and audits before and after', async () => {
      const created = dataOf(await call(CREATE_CALENDAR, { input: calendarInput() })).createBusinessCalendar;
      const input = calendarInput({
        timeZone: 'America/New_York',
        // An overnight shift, and Saturday morning.
        intervals: [
          { day: 'SUNDAY', start: '22:00', end: '06:00' },
          { day: 'SATURDAY', start: '08:00', end: '12:00' },
        ],
        holidays: [{ date: '2026-07-04' }],
      });
      const updated = dataOf(await call(UPDATE_CALENDAR, { id: created.id, input })).updateBusinessCalendar;
      expect(updated).toMatchObject({
        id: created.id,
        name: input.name,
        timeZone: 'America/New_York',
        intervals: input.intervals,
        holidays: [{ date: '2026-07-04', recurring: false, name: null }],
      });
      expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());

      const [, update] = await auditOf('business_calendar', created.id);
      expect(update.action).toBe('business_calendar.updated');
      expect(update.actor_user_id).toBe(adminId);
      expect(update.before).toMatchObject({ name: created.name, timeZone: 'Europe/Paris' });
      expect(update.after).toMatchObject({
        name: input.name,
        timeZone: 'America/New_York',
        intervals: [
          { day: 0, start: '22:00', end: '06:00' },
          { day: 6, start: '08:00', end: '12:00' },
        ],
        holidays: [{ date: '2026-07-04', recurring: false }],
      });
    });

    it.each<[string, Record<string, unknown>, RegExp]>([
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, /Unknown time zone "Mars\/Olympus_Mons"/],
      ['no working interval at all', { intervals: [] }, /no working time/],
      ['only empty intervals', { intervals: [{ day: 'MONDAY', start: '09:00', end: '09:00' }] }, /no working time/],
      ['a start at 25:00', { intervals: [{ day: 'MONDAY', start: '25:00', end: '26:00' }] }, /start "25:00" is not a time/],
      ['a malformed end', { intervals: [{ day: 'MONDAY', start: '09:00', end: '5pm' }] }, /end "5pm" is not a time/],
      ['a holiday on February 30', { holidays: [{ date: '2025-02-30' }] }, /"2025-02-30" is not a date/],
    ])('refuses a calendar with %s (BAD_USER_INPUT, nothing written)', async (_case, overrides, message) => {
      await expectRefused(CREATE_CALENDAR, { input: calendarInput(overrides) }, 'BAD_USER_INPUT', message);
    });

    it('reports every problem of a calendar at once', async () => {
      const error = await expectRefused(
        CREATE_CALENDAR,
        { input: calendarInput({ timeZone: 'Nowhere/Town', intervals: [{ day: 'MONDAY', start: '9', end: '24:01' }] }) },
        'BAD_USER_INPUT',
        /Unknown time zone/,
        /start "9"/,
        /end "24:01"/,
      );
      expect(error.extensions.problems).toHaveLength(4); // the three above, and then no working time
    });

    it('refuses bad input on update too, leaving the calendar as it was', async () => {
      const created = dataOf(await call(CREATE_CALENDAR, { input: calendarInput() })).createBusinessCalendar;
      await expectRefused(UPDATE_CALENDAR, { id: created.id, input: calendarInput({ intervals: [] }) }, 'BAD_USER_INPUT', /no working time/);
    });

    it('checks types and sizes at the edge', async () => {
      await expectRefused(CREATE_CALENDAR, { input: calendarInput({ name: '   ' }) }, 'BAD_USER_INPUT', /name must not be blank/);
      await expectRefused(CREATE_CALENDAR, { input: calendarInput({ name: 'x'.repeat(101) }) }, 'BAD_USER_INPUT', /name/);
      // Nested inputs are checked as well, and named by their path.
      await expectRefused(
        CREATE_CALENDAR,
        { input: calendarInput({ holidays: [{ date: '2025-01-01', name: 'x'.repeat(101) }] }) },
        'BAD_USER_INPUT',
        /name must be shorter than or equal to 100 characters/,
      );
      await expectRefused(
        CREATE_CALENDAR,
        { input: calendarInput({ intervals: [{ day: 'MONDAY', start: '09:00'.repeat(4), end: '17:00' }] }) },
        'BAD_USER_INPUT',
        /start must be shorter than or equal to 16 characters/,
      );
      // GraphQL itself refuses a day that is not a Weekday.
      const error = onlyError(await call(CREATE_CALENDAR, { input: calendarInput({ intervals: [{ day: 7, start: '09:00', end: '17:00' }] }) }));
      expect(error.code).toBe('BAD_USER_INPUT');
    });

    it('refuses a second calendar with the same name (CONFLICT)', async () => {
      const input = calendarInput();
      dataOf(await call(CREATE_CALENDAR, { input }));
      await expectRefused(CREATE_CALENDAR, { input: calendarInput({ name: input.name }) }, 'CONFLICT', new RegExp(`"${input.name}" already exists`));

      const other = dataOf(await call(CREATE_CALENDAR, { input: calendarInput() })).createBusinessCalendar;
      await expectRefused(UPDATE_CALENDAR, { id: other.id, input: calendarInput({ name: input.name }) }, 'CONFLICT', /already exists/);
    });

    it('answers NOT_FOUND for a calendar that does not exist, and BAD_USER_INPUT for an id that is not one', async () => {
      const id = randomUUID();
      expect(onlyError(await call(READ_CALENDAR, { id })).message).toContain(id);
      await expectRefused(UPDATE_CALENDAR, { id, input: calendarInput() }, 'NOT_FOUND', new RegExp(id));
      await expectRefused(DELETE_CALENDAR, { id }, 'NOT_FOUND', new RegExp(id));
      await expectRefused(DELETE_CALENDAR, { id: 'calendar-1' }, 'BAD_USER_INPUT', /not a business calendar id/);
    });

    it('deletes an unused calendar and audits it', async () => {
      const created = dataOf(await call(CREATE_CALENDAR, { input: calendarInput() })).createBusinessCalendar;
      expect(dataOf(await call(DELETE_CALENDAR, { id: created.id })).deleteBusinessCalendar).toBe(created.id);
      expect(onlyError(await call(READ_CALENDAR, { id: created.id })).code).toBe('NOT_FOUND');
      const [, deletion] = await auditOf('business_calendar', created.id);
      expect(deletion).toMatchObject({ action: 'business_calendar.deleted', actor_user_id: adminId, after: null, before: { name: created.name } });
    });

    it('lets only admins change calendars', async () => {
      const created = dataOf(await call(CREATE_CALENDAR, { input: calendarInput() })).createBusinessCalendar;
      for (const token of [supervisor, agent]) {
        const before = await everything();
        expect(onlyError(await call(CREATE_CALENDAR, { input: calendarInput() }, token)).code).toBe('FORBIDDEN');
        expect(onlyError(await call(UPDATE_CALENDAR, { id: created.id, input: calendarInput() }, token)).code).toBe('FORBIDDEN');
        expect(onlyError(await call(DELETE_CALENDAR, { id: created.id }, token)).code).toBe('FORBIDDEN');
        expect(await everything()).toEqual(before);
      }
    });
  });

  describe('escalation policies', () => {
    it('creates, lists, updates and deletes a policy, storing the domain shape and auditing each change', async () => {
      const input = escalationInput();
      const created = dataOf(await call(CREATE_ESCALATION, { input })).createEscalationPolicy;
      expect(created).toMatchObject({
        name: input.name,
        steps: [
          { trigger: { on: 'WARNING', metric: 'FIRST_REPLY', thresholdPercent: 75 }, action: { type: 'NOTIFY', recipients: 'SUPERVISORS', groupId: null }, repeatEveryMinutes: null },
          { trigger: { on: 'BREACH', metric: null, thresholdPercent: null }, action: { type: 'REASSIGN', recipients: null, groupId: 'tier-2' }, repeatEveryMinutes: 30 },
        ],
      });
      const [row] = await system.dataSource.query('SELECT name, steps FROM escalation_policies WHERE id = $1', [created.id]);
      expect(row.steps).toEqual([
        { trigger: { on: 'warning', metric: 'first_reply', thresholdPercent: 75 }, action: { type: 'notify', recipients: 'supervisors' }, repeatEveryMinutes: null },
        { trigger: { on: 'breach' }, action: { type: 'reassign', groupId: 'tier-2' }, repeatEveryMinutes: 30 },
      ]);
      expect(validateEscalationPolicy(row)).toEqual([]);

      const listed = dataOf(await call(LIST_ESCALATIONS, {}, supervisor)).escalationPolicies;
      expect(listed).toContainEqual(created);

      const changed = escalationInput({
        steps: [
          { trigger: { on: 'BREACH', metric: 'RESOLUTION' }, action: { type: 'RAISE_PRIORITY' } },
          { trigger: { on: 'BREACH', metric: 'RESOLUTION' }, action: { type: 'NOTIFY', recipients: 'GROUP', groupId: 'billing' } },
        ],
      });
      const updated = dataOf(await call(UPDATE_ESCALATION, { id: created.id, input: changed })).updateEscalationPolicy;
      expect(updated.steps.map((step: { action: unknown }) => step.action)).toEqual([
        { type: 'RAISE_PRIORITY', recipients: null, groupId: null },
        { type: 'NOTIFY', recipients: 'GROUP', groupId: 'billing' },
      ]);

      expect(dataOf(await call(DELETE_ESCALATION, { id: created.id })).deleteEscalationPolicy).toBe(created.id);
      const audit = await auditOf('escalation_policy', created.id);
      expect(audit.map((entry) => entry.action)).toEqual(['escalation_policy.created', 'escalation_policy.updated', 'escalation_policy.deleted']);
      expect(audit[1].before.steps).toEqual(row.steps);
      expect(audit[1].after.steps[0]).toEqual({ trigger: { on: 'breach', metric: 'resolution' }, action: { type: 'raise_priority' }, repeatEveryMinutes: null });
      expect(audit[2]).toMatchObject({ before: { name: changed.name }, after: null });
    });

    it.each<[string, Record<string, unknown>, RegExp]>([
      ['a reassign step without a groupId', { trigger: { on: 'BREACH' }, action: { type: 'REASSIGN' } }, /Step 1: a reassign step needs a groupId/],
      ['a group notification without a groupId', { trigger: { on: 'BREACH' }, action: { type: 'NOTIFY', recipients: 'GROUP' } }, /needs a groupId/],
      ['a notification without recipients', { trigger: { on: 'BREACH' }, action: { type: 'NOTIFY' } }, /recipients must be/],
      ['a threshold on a breach', { trigger: { on: 'BREACH', thresholdPercent: 50 }, action: { type: 'RAISE_PRIORITY' } }, /only applies to warnings/],
      ['a threshold of 100', { trigger: { on: 'WARNING', thresholdPercent: 100 }, action: { type: 'RAISE_PRIORITY' } }, /thresholdPercent must be/],
      ['a repeat every minute', { trigger: { on: 'BREACH' }, action: { type: 'RAISE_PRIORITY' }, repeatEveryMinutes: 1 }, /repeatEveryMinutes must be/],
      ['a groupId on a priority raise', { trigger: { on: 'BREACH' }, action: { type: 'RAISE_PRIORITY', groupId: 'x' } }, /groupId does not apply/],
      ['recipients on a reassign', { trigger: { on: 'BREACH' }, action: { type: 'REASSIGN', groupId: 'x', recipients: 'SUPERVISORS' } }, /recipients only apply/],
    ])('refuses %s (BAD_USER_INPUT, nothing written)', async (_case, step, message) => {
      await expectRefused(CREATE_ESCALATION, { input: escalationInput({ steps: [step] }) }, 'BAD_USER_INPUT', message);
    });

    it('refuses a policy without steps, and a duplicate name', async () => {
      await expectRefused(CREATE_ESCALATION, { input: escalationInput({ steps: [] }) }, 'BAD_USER_INPUT', /no steps/);
      const input = escalationInput();
      dataOf(await call(CREATE_ESCALATION, { input }));
      await expectRefused(CREATE_ESCALATION, { input: escalationInput({ name: input.name }) }, 'CONFLICT', /already exists/);
    });

    it('lets only admins change escalation policies', async () => {
      expect(onlyError(await call(CREATE_ESCALATION, { input: escalationInput() }, supervisor)).code).toBe('FORBIDDEN');
      expect(onlyError(await call(LIST_ESCALATIONS, {}, agent)).code).toBe('FORBIDDEN');
    });
  });

  describe('SLA policies', () => {
    it('creates a policy with defaults, stored exactly as the domain SlaPolicy the workflow reads, and audits it', async () => {
      const calendar = dataOf(await call(CREATE_CALENDAR, { input: calendarInput() })).createBusinessCalendar;
      const escalation = dataOf(await call(CREATE_ESCALATION, { input: escalationInput() })).createEscalationPolicy;
      const input = slaInput({
        conditions: { priorities: ['URGENT', 'HIGH'], channels: ['EMAIL'], tags: ['vip'] },
        calendarId: calendar.id,
        escalationPolicyId: escalation.id,
      });
      const created = dataOf(await call(CREATE_SLA, { input })).createSlaPolicy;
      expect(created).toMatchObject({
        name: input.name,
        active: true,
        conditions: { priorities: ['URGENT', 'HIGH'], channels: ['EMAIL'], organizationIds: [], customerTiers: [], groupIds: [], tags: ['vip'] },
        targets: [
          { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 30, businessHours: true },
          { priority: 'URGENT', metric: 'RESOLUTION', minutes: 240, businessHours: false },
        ],
        pauseWhile: [{ metric: 'RESOLUTION', statuses: ['PENDING', 'ON_HOLD'] }],
        warningThresholds: [75, 90],
        calendarId: calendar.id,
        escalationPolicyId: escalation.id,
      });

      const [row] = await system.dataSource.query(
        `SELECT name, position, active, conditions, targets, pause_while, warning_thresholds, calendar_id, escalation_policy_id
           FROM sla_policies WHERE id = $1`,
        [created.id],
      );
      expect(row).toEqual({
        name: input.name,
        position: created.position,
        active: true,
        conditions: { priorities: ['urgent', 'high'], channels: ['email'], tags: ['vip'] },
        targets: { urgent: { first_reply: { minutes: 30, businessHours: true }, resolution: { minutes: 240, businessHours: false } } },
        pause_while: { resolution: ['pending', 'on_hold'] },
        warning_thresholds: [75, 90],
        calendar_id: calendar.id,
        escalation_policy_id: escalation.id,
      });
      expect(
        validateSlaPolicy({
          name: row.name,
          position: row.position,
          conditions: row.conditions,
          targets: row.targets,
          pauseWhile: row.pause_while,
          warningThresholds: row.warning_thresholds,
          calendarId: row.calendar_id,
          escalationPolicyId: row.escalation_policy_id,
        }),
      ).toEqual([]);

      const listed = dataOf(await call(LIST_SLAS, {}, supervisor)).slaPolicies;
      expect(listed.find((p: { id: string }) => p.id === created.id)).toMatchObject({
        calendar: { name: calendar.name },
        escalationPolicy: { name: escalation.name },
      });

      const [audit] = await auditOf('sla_policy', created.id);
      expect(audit).toMatchObject({
        action: 'sla_policy.created',
        actor_user_id: adminId,
        before: null,
        after: { name: input.name, targets: row.targets, pauseWhile: row.pause_while, calendarId: calendar.id },
      });
    });

    it('replaces a policy on update, keeping its position and active flag unless given, and audits before and after', async () => {
      const created = dataOf(await call(CREATE_SLA, { input: slaInput() })).createSlaPolicy;
      const input = slaInput({
        targets: [{ priority: 'LOW', metric: 'NEXT_REPLY', minutes: 480 }],
        pauseWhile: [{ metric: 'NEXT_REPLY', statuses: ['ON_HOLD'] }],
        warningThresholds: [],
      });
      const updated = dataOf(await call(UPDATE_SLA, { id: created.id, input })).updateSlaPolicy;
      expect(updated).toMatchObject({
        id: created.id,
        name: input.name,
        position: created.position,
        active: true,
        targets: [{ priority: 'LOW', metric: 'NEXT_REPLY', minutes: 480, businessHours: true }],
        pauseWhile: [{ metric: 'NEXT_REPLY', statuses: ['ON_HOLD'] }],
        warningThresholds: [],
        calendarId: null,
      });

      const deactivated = dataOf(await call(UPDATE_SLA, { id: created.id, input: { ...input, active: false } })).updateSlaPolicy;
      expect(deactivated).toMatchObject({ active: false, position: created.position });

      const audit = await auditOf('sla_policy', created.id);
      expect(audit.map((entry) => entry.action)).toEqual(['sla_policy.created', 'sla_policy.updated', 'sla_policy.updated']);
      expect(audit[1].before).toMatchObject({ name: created.name, targets: { urgent: { first_reply: { minutes: 30, businessHours: true } } } });
      expect(audit[1].after).toMatchObject({ name: input.name, targets: { low: { next_reply: { minutes: 480, businessHours: true } } }, warningThresholds: [] });
      expect(audit[2].before.active).toBe(true);
      expect(audit[2].after.active).toBe(false);
    });

    it.each<[string, Record<string, unknown>, RegExp]>([
      ['a target of 0 minutes', { targets: [{ priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 0 }] }, /high first_reply target must be a whole number of minutes/],
      ['no targets', { targets: [] }, /no targets/],
      ['a target listed twice', { targets: [{ priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 10 }, { priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 20 }] }, /listed more than once/],
      ['thresholds not ascending', { warningThresholds: [90, 75] }, /strictly ascending/],
      ['a threshold of 100', { warningThresholds: [50, 100] }, /whole percent from 1 to 99/],
      ['pausing on solved', { pauseWhile: [{ metric: 'RESOLUTION', statuses: ['SOLVED'] }] }, /pausing while solved makes no sense/],
      ['pausing on open', { pauseWhile: [{ metric: 'FIRST_REPLY', statuses: ['OPEN'] }] }, /pausing while open makes no sense/],
      ['a negative position', { position: -1 }, /Position must be a whole number, 0 or more/],
      ['an empty tag', { conditions: { tags: [''] } }, /tags must be a list of non-empty strings/],
    ])('refuses %s (BAD_USER_INPUT, nothing written)', async (_case, overrides, message) => {
      await expectRefused(CREATE_SLA, { input: slaInput(overrides) }, 'BAD_USER_INPUT', message);
    });

    it('refuses an unknown calendar or escalation policy, naming the id', async () => {
      const calendarId = randomUUID();
      const escalationPolicyId = randomUUID();
      await expectRefused(CREATE_SLA, { input: slaInput({ calendarId }) }, 'BAD_USER_INPUT', new RegExp(`no business calendar ${calendarId}`));
      await expectRefused(
        CREATE_SLA,
        { input: slaInput({ calendarId, escalationPolicyId }) },
        'BAD_USER_INPUT',
        new RegExp(calendarId),
        new RegExp(`no escalation policy ${escalationPolicyId}`),
      );
      await expectRefused(CREATE_SLA, { input: slaInput({ calendarId: 'paris' }) }, 'BAD_USER_INPUT', /calendarId must be a business calendar id/);
      const created = dataOf(await call(CREATE_SLA, { input: slaInput() })).createSlaPolicy;
      await expectRefused(UPDATE_SLA, { id: created.id, input: slaInput({ calendarId }) }, 'BAD_USER_INPUT', new RegExp(calendarId));
    });

    it('reports every problem of a policy at once', async () => {
      const error = await expectRefused(
        CREATE_SLA,
        { input: slaInput({ targets: [{ priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 0 }], warningThresholds: [90, 75] }) },
        'BAD_USER_INPUT',
        /minutes/,
        /ascending/,
      );
      expect(error.extensions.problems).toHaveLength(2);
    });

    it('refuses a duplicate name (CONFLICT) and answers NOT_FOUND for an unknown policy', async () => {
      const input = slaInput();
      dataOf(await call(CREATE_SLA, { input }));
      await expectRefused(CREATE_SLA, { input: slaInput({ name: input.name }) }, 'CONFLICT', /already exists/);
      const id = randomUUID();
      await expectRefused(UPDATE_SLA, { id, input: slaInput() }, 'NOT_FOUND', new RegExp(id));
      await expectRefused(DELETE_SLA, { id }, 'NOT_FOUND', new RegExp(id));
    });

    it('refuses to delete a calendar or escalation policy in use, naming the policies (CONFLICT)', async () => {
      const calendar = dataOf(await call(CREATE_CALENDAR, { input: calendarInput() })).createBusinessCalendar;
      const escalation = dataOf(await call(CREATE_ESCALATION, { input: escalationInput() })).createEscalationPolicy;
      const first = dataOf(await call(CREATE_SLA, { input: slaInput({ calendarId: calendar.id, escalationPolicyId: escalation.id }) })).createSlaPolicy;
      const second = dataOf(await call(CREATE_SLA, { input: slaInput({ calendarId: calendar.id }) })).createSlaPolicy;

      const error = await expectRefused(DELETE_CALENDAR, { id: calendar.id }, 'CONFLICT', new RegExp(`"${first.name}"`), new RegExp(`"${second.name}"`));
      expect(error.extensions.policies).toEqual([first.name, second.name]);
      await expectRefused(DELETE_ESCALATION, { id: escalation.id }, 'CONFLICT', new RegExp(`used by the SLA policy "${first.name}"`));

      // Once no policy uses them, they can go.
      dataOf(await call(DELETE_SLA, { id: first.id }));
      dataOf(await call(UPDATE_SLA, { id: second.id, input: slaInput({ name: second.name, calendarId: null }) }));
      expect(dataOf(await call(DELETE_CALENDAR, { id: calendar.id })).deleteBusinessCalendar).toBe(calendar.id);
      expect(dataOf(await call(DELETE_ESCALATION, { id: escalation.id })).deleteEscalationPolicy).toBe(escalation.id);
    });

    describe('order', () => {
      async function order(): Promise<Array<{ id: string; name: string; position: number }>> {
        return dataOf(await call(LIST_SLAS)).slaPolicies.map(({ id, name, position }: { id: string; name: string; position: number }) => ({ id, name, position }));
      }

      async function clear(): Promise<void> {
        for (const { id } of await order()) dataOf(await call(DELETE_SLA, { id }));
      }

      it('appends new policies, inserts at a position, moves on update and closes gaps on delete, keeping positions 0..n-1', async () => {
        await clear();
        const a = dataOf(await call(CREATE_SLA, { input: slaInput({ name: 'A' }) })).createSlaPolicy;
        const b = dataOf(await call(CREATE_SLA, { input: slaInput({ name: 'B' }) })).createSlaPolicy;
        expect([a.position, b.position]).toEqual([0, 1]);

        const c = dataOf(await call(CREATE_SLA, { input: slaInput({ name: 'C', position: 0 }) })).createSlaPolicy;
        expect(c.position).toBe(0);
        expect((await order()).map((p) => p.name)).toEqual(['C', 'A', 'B']);
        // Moving the others is a change of the order, which the audit log records.
        const [shift] = await auditOf('sla_policies', 'order').then((rows) => rows.slice(-1));
        expect(shift).toMatchObject({
          action: 'sla_policies.reordered',
          before: { policies: [{ name: 'A', position: 0 }, { name: 'B', position: 1 }] },
          after: { policies: [{ name: 'C', position: 0 }, { name: 'A', position: 1 }, { name: 'B', position: 2 }] },
        });

        dataOf(await call(UPDATE_SLA, { id: c.id, input: slaInput({ name: 'C', position: 99 }) }));
        expect(await order()).toEqual([
          { id: a.id, name: 'A', position: 0 },
          { id: b.id, name: 'B', position: 1 },
          { id: c.id, name: 'C', position: 2 },
        ]);

        dataOf(await call(DELETE_SLA, { id: a.id }));
        expect(await order()).toEqual([
          { id: b.id, name: 'B', position: 0 },
          { id: c.id, name: 'C', position: 1 },
        ]);
        const [deletion] = (await auditOf('sla_policy', a.id)).slice(-1);
        expect(deletion).toMatchObject({ action: 'sla_policy.deleted', actor_user_id: adminId, before: { name: 'A', position: 0 }, after: null });
      });

      it('keeps positions 0..n-1 when admins create policies at the same time', async () => {
        await clear();
        const created = await Promise.all(
          ['R1', 'R2', 'R3', 'R4', 'R5'].map(async (name, index) => dataOf(await call(CREATE_SLA, { input: slaInput({ name, position: index % 2 }) }))),
        );
        expect(created).toHaveLength(5);
        expect((await order()).map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);
      });

      it('reorders every policy in one go, and audits the order before and after', async () => {
        await clear();
        const ids: string[] = [];
        for (const name of ['P1', 'P2', 'P3']) ids.push(dataOf(await call(CREATE_SLA, { input: slaInput({ name }) })).createSlaPolicy.id);

        const reordered = dataOf(await call(REORDER_SLAS, { ids: [ids[2], ids[0], ids[1]] })).reorderSlaPolicies;
        expect(reordered).toEqual([
          { id: ids[2], name: 'P3', position: 0 },
          { id: ids[0], name: 'P1', position: 1 },
          { id: ids[1], name: 'P2', position: 2 },
        ]);
        expect(await order()).toEqual(reordered);
        const rows = await system.dataSource.query('SELECT name FROM sla_policies WHERE active ORDER BY position');
        expect(rows.map((row: { name: string }) => row.name)).toEqual(['P3', 'P1', 'P2']);

        const [audit] = (await auditOf('sla_policies', 'order')).slice(-1);
        expect(audit).toMatchObject({
          action: 'sla_policies.reordered',
          actor_user_id: adminId,
          before: { policies: [{ name: 'P1', position: 0 }, { name: 'P2', position: 1 }, { name: 'P3', position: 2 }] },
          after: { policies: [{ name: 'P3', position: 0 }, { name: 'P1', position: 1 }, { name: 'P2', position: 2 }] },
        });
      });

      it('refuses an order that does not list every policy exactly once (BAD_USER_INPUT, nothing written)', async () => {
        await clear();
        const ids: string[] = [];
        for (const name of ['Q1', 'Q2', 'Q3']) ids.push(dataOf(await call(CREATE_SLA, { input: slaInput({ name }) })).createSlaPolicy.id);
        const stranger = randomUUID();

        await expectRefused(REORDER_SLAS, { ids: [ids[1], ids[0]] }, 'BAD_USER_INPUT', /missing: "Q3"/);
        await expectRefused(REORDER_SLAS, { ids: [ids[0], ids[1], ids[2], ids[0]] }, 'BAD_USER_INPUT', /more than once: "Q1"/);
        await expectRefused(REORDER_SLAS, { ids: [...ids, stranger] }, 'BAD_USER_INPUT', new RegExp(`no SLA policy ${stranger}`));
        await expectRefused(REORDER_SLAS, { ids: ['first'] }, 'BAD_USER_INPUT', /not an SLA policy id/);
        expect(onlyError(await call(REORDER_SLAS, { ids: [...ids].reverse() }, supervisor)).code).toBe('FORBIDDEN');
      });
    });

    it('lets only admins change SLA policies, and supervisors read them', async () => {
      dataOf(await call(LIST_SLAS, {}, supervisor));
      expect(onlyError(await call(LIST_SLAS, {}, agent)).code).toBe('FORBIDDEN');
      const before = await everything();
      expect(onlyError(await call(CREATE_SLA, { input: slaInput() }, supervisor)).code).toBe('FORBIDDEN');
      expect(onlyError(await call(CREATE_SLA, { input: slaInput() }, agent)).code).toBe('FORBIDDEN');
      expect(await everything()).toEqual(before);
    });
  });

  describe('help desk settings', () => {
    it('starts with auto-close after 4 days, and updates it with an audit entry', async () => {
      expect(dataOf(await call(READ_SETTINGS, {}, supervisor)).helpdeskSettings.autoCloseDays).toBe(4);
      const updated = dataOf(await call(UPDATE_SETTINGS, { input: { autoCloseDays: 7 } })).updateHelpdeskSettings;
      expect(updated.autoCloseDays).toBe(7);
      expect(dataOf(await call(READ_SETTINGS)).helpdeskSettings).toEqual(updated);
      expect(await system.dataSource.query('SELECT id, auto_close_days FROM helpdesk_settings')).toEqual([{ id: 1, auto_close_days: 7 }]);
      expect(await auditOf('helpdesk_settings', '1')).toEqual([
        expect.objectContaining({ action: 'helpdesk_settings.updated', actor_user_id: adminId, before: { autoCloseDays: 4, defaultTicketTypes: {} }, after: { autoCloseDays: 7, defaultTicketTypes: {} } }),
      ]);
    });

    it.each([0, 366])('refuses %i days (BAD_USER_INPUT, nothing written)', async (autoCloseDays) => {
      await expectRefused(UPDATE_SETTINGS, { input: { autoCloseDays } }, 'BAD_USER_INPUT', /autoCloseDays must be/);
    });

    it('lets only admins change the settings', async () => {
      expect(onlyError(await call(UPDATE_SETTINGS, { input: { autoCloseDays: 5 } }, supervisor)).code).toBe('FORBIDDEN');
      expect(onlyError(await call(READ_SETTINGS, {}, agent)).code).toBe('FORBIDDEN');
    });
  });
});
