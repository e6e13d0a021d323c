import fc from 'fast-check';
import { USER_ERROR_CODES } from '../../apps/api/common/user-error.js';
import { exampleMappingText, START_RUN } from '../support/migration-runs.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket } from '../support/tickets.js';

// Generated inputs for the main mutations, sent as variables over HTTP to the real stack: valid values mixed with
// hostile strings (huge, unicode, NUL bytes, SQL-ish) and values of the wrong type. Every answer is data or an error
// with a documented code (never INTERNAL_SERVER_ERROR), and a refused input writes no row.

/** DESIGN.md §6's codes, and what GraphQL itself answers for a variable of the wrong shape. */
const DOCUMENTED_CODES: ReadonlySet<string> = new Set([...USER_ERROR_CODES, 'GRAPHQL_VALIDATION_FAILED']);
/** Runs per mutation: enough to meet each kind of hostile value several times, few enough for ~1 minute in all. */
const RUNS = 40;

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    '   ',
    '\u0000',
    'before\u0000after',
    "'; DROP TABLE tickets; --",
    "' OR '1'='1",
    '%_\\',
    '\uD800',
    '\u202Eevil',
    'ﷺ Ω 𝕏 👩‍👩‍👧',
    '../../../../etc/passwd',
    '/dev/zero',
    '2026-02-30',
    '25:99',
    'Not/A_Zone',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.nat({ max: 60_000 }).map((length) => 'x'.repeat(length)),
  fc.nat({ max: 10_000 }).map((length) => '😀'.repeat(length)),
);

/** What a client may send in place of a string, an enum or an object. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

/**
 * A string field: hostile one time in five. A value of the wrong type is rarer (GraphQL refuses it before any of our
 * code runs), so that inputs of several fields still often reach the resolvers, and some pass.
 */
function str(plausible: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 15, arbitrary: plausible }, { weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType });
}

/** Any other field: plausible (enums, numbers, lists, nested inputs), rarely of the wrong type. */
function other(plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 20, arbitrary: plausible }, { weight: 1, arbitrary: wrongType });
}

/**
 * An input object: the `required` fields always there, the `optional` ones there or left out; now and then the whole
 * input is of the wrong type.
 */
function fuzzedInput(required: Record<string, fc.Arbitrary<unknown>>, optional: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown> {
  const record = fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) });
  return fc.oneof({ weight: 30, arbitrary: record }, { weight: 1, arbitrary: wrongType });
}

const list = (item: fc.Arbitrary<unknown>) => other(fc.array(item, { maxLength: 3 }));
const text = str(fc.string({ minLength: 1, maxLength: 40 }));
const texts = list(text);
const email = str(fc.emailAddress());
const enumOf = (...values: string[]) => other(fc.constantFrom(...values));
const channel = enumOf('API', 'CHAT', 'EMAIL', 'PHONE', 'SOCIAL', 'WEB');
const priority = enumOf('LOW', 'NORMAL', 'HIGH', 'URGENT');
const status = enumOf('NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED');
const metric = enumOf('FIRST_REPLY', 'NEXT_REPLY', 'RESOLUTION');
const weekday = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
/** Working hours, mostly in order (start before end). */
const interval = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }), fc.boolean()).map(([from, length, swapped]) => {
  const [start, end] = [hour(from), hour(Math.min(24, from + length))];
  return swapped ? { start: end, end: start } : { start, end };
});
const boolean = other(fc.boolean());
const smallInt = other(fc.integer({ min: -5, max: 100_000 }));
const id = (...known: string[]) => str(fc.oneof(fc.constantFrom(...known), fc.uuid()));

interface MutationUnderFuzz {
  name: string;
  document: string;
  /** The tables a successful call writes: a refused one must leave their row counts as they were. */
  tables: string[];
  input: (fixtures: Fixtures) => fc.Arbitrary<unknown>;
}

interface Fixtures {
  ticketIds: string[];
  groupId: string;
  calendarId: string;
  mapping: string;
}

const MUTATIONS: MutationUnderFuzz[] = [
  {
    name: 'createTicket',
    document: CREATE_TICKET,
    tables: ['tickets', 'customers', 'ticket_messages'],
    input: () =>
      fuzzedInput(
        { subject: text, description: text, requesterEmail: email, channel },
        { priority, customerTier: text, tags: texts, fields: list(fuzzedInput({ name: text, value: text })), idempotencyKey: str(fc.uuid()) },
      ),
  },
  {
    name: 'replyToTicket',
    document: 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }',
    tables: ['ticket_messages'],
    input: ({ ticketIds }) => fuzzedInput({ ticketId: id(...ticketIds), body: text }, { public: boolean, attachmentIds: list(str(fc.uuid())) }),
  },
  {
    name: 'changeTicketStatus',
    document: 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id } }',
    tables: ['tickets', 'ticket_messages'],
    input: ({ ticketIds }) => fuzzedInput({ ticketId: id(...ticketIds), status }),
  },
  {
    name: 'updateTicketFields',
    document: 'mutation($input: UpdateTicketFieldsInput!) { updateTicketFields(input: $input) { id } }',
    tables: ['tickets', 'ticket_messages'],
    input: ({ ticketIds }) =>
      fuzzedInput({ ticketId: id(...ticketIds), fields: list(fuzzedInput({ name: text }, { value: other(fc.option(fc.string({ maxLength: 40 }))) })) }),
  },
  {
    name: 'createRoutingRule',
    document: 'mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { rule { id } } }',
    tables: ['routing_rules', 'audit_log'],
    input: ({ groupId, calendarId }) =>
      fuzzedInput(
        {
          name: text,
          criteria: fuzzedInput(
            {},
            {
              channels: list(channel),
              priorities: list(priority),
              keywords: texts,
              pattern: str(fc.constantFrom('^refund', '(', '[a-', '(a+)+$', 'x{99999}')),
              requesterDomains: list(str(fc.domain())),
              requesterEmails: list(email),
              calendarId: id(calendarId),
              arrival: enumOf('BUSINESS_HOURS', 'AFTER_HOURS'),
              fields: list(fuzzedInput({ name: text, values: texts })),
            },
          ),
          result: fuzzedInput(
            { groupId: id(groupId) },
            { priorityAdjustment: other(fc.integer({ min: -5, max: 5 })), requiredSkills: list(fuzzedInput({ skill: text, minLevel: smallInt })), tags: texts },
          ),
        },
        { active: boolean, position: smallInt },
      ),
  },
  {
    name: 'createSlaPolicy',
    document: 'mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id } }',
    tables: ['sla_policies', 'audit_log'],
    input: ({ calendarId }) =>
      fuzzedInput(
        { name: text, targets: list(fuzzedInput({ priority, metric, minutes: smallInt }, { businessHours: boolean })) },
        {
          calendarId: id(calendarId),
          position: smallInt,
          warningThresholds: list(other(fc.integer({ min: -10, max: 150 }))),
          conditions: fuzzedInput({}, { channels: list(channel), priorities: list(priority), tags: texts, groupIds: texts, customerTiers: texts }),
          pauseWhile: list(fuzzedInput({ metric, statuses: list(status) })),
        },
      ),
  },
  {
    name: 'createBusinessCalendar',
    document: 'mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }',
    tables: ['business_calendars', 'audit_log'],
    input: () =>
      fuzzedInput(
        {
          name: text,
          timeZone: str(fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kathmandu')),
          intervals: list(interval.chain(({ start, end }) => fuzzedInput({ day: weekday, start: str(fc.constant(start)), end: str(fc.constant(end)) }))),
        },
        { holidays: list(fuzzedInput({ date: str(fc.constantFrom('2026-12-25', '2027-01-01', '2028-02-29')) }, { name: text, recurring: boolean })) },
      ),
  },
  {
    name: 'createKnowledgeArticle',
    document: 'mutation($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id } }',
    tables: ['knowledge_articles', 'knowledge_article_versions', 'audit_log'],
    input: () =>
      fuzzedInput({ title: text, body: text }, { tags: texts, audience: enumOf('INTERNAL', 'PUBLIC'), status: enumOf('DRAFT', 'PUBLISHED', 'ARCHIVED') }),
  },
  {
    name: 'startMigrationRun',
    document: START_RUN,
    tables: ['migration_runs'],
    // Only paths that name no readable export: a path the importer can read would start an import with every run.
    input: ({ mapping }) =>
      fuzzedInput(
        {
          sourceSystem: str(fc.constantFrom('csv', 'zendesk', 'freshdesk')),
          files: list(str(fc.constantFrom('/nonexistent/export.csv', 'relative/export.csv', '/etc', '/proc/self/environ', ''))),
          mapping: str(fc.constant(mapping)),
        },
        { batchSize: smallInt, sampleSize: smallInt, maxRejectRate: other(fc.double({ min: -1, max: 2, noNaN: true })), sourceKey: text, approvalPhases: texts },
      ),
  },
  {
    name: 'submitPortalRequest',
    document: 'mutation($input: SubmitPortalRequestInput!) { submitPortalRequest(input: $input) { sentTo } }',
    tables: ['tickets', 'customers', 'ticket_messages'],
    input: () => fuzzedInput({ name: text, email, subject: text, description: text }, { idempotencyKey: str(fc.uuid()) }),
  },
];

describe('the main mutations under generated input', () => {
  let system: TestSystem;
  let token: string;
  let fixtures: Fixtures;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token } = await system.signIn(['admin', 'agent', 'supervisor', 'migration_operator']));
    const dataOf = async (query: string, variables: Record<string, unknown>) => {
      const { data, errors } = await system.graphql(query, variables, token);
      if (!data) throw new Error(JSON.stringify(errors));
      return data;
    };
    const ticketIds: string[] = [];
    for (let i = 0; i < 3; i += 1) ticketIds.push((await dataOf(CREATE_TICKET, { input: newTicket() })).createTicket.id);
    const group = await dataOf('mutation($name: String!) { createGroup(input: { name: $name }) { id } }', { name: 'Fuzz group' });
    const calendar = await dataOf('mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }', {
      input: { name: 'Fuzz hours', timeZone: 'UTC', intervals: [{ day: 'MONDAY', start: '09:00', end: '17:00' }] },
    });
    fixtures = { ticketIds, groupId: group.createGroup.id, calendarId: calendar.createBusinessCalendar.id, mapping: exampleMappingText('generic-tickets.mapping.yaml') };
  });
  afterAll(() => system.stop());

  const rowCounts = async (tables: string[]): Promise<Record<string, number>> => {
    const [counts] = await system.dataSource.query<Array<Record<string, number>>>(
      `SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
    );
    return counts;
  };

  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))(
    '%s answers data or a documented error, and a refusal writes nothing',
    async (_name, mutation) => {
      await fc.assert(
        fc.asyncProperty(mutation.input(fixtures), async (input) => {
          const before = await rowCounts(mutation.tables);
          const { body } = await system.graphqlHttp(mutation.document, { input }, token);
          const codes = (body.errors ?? []).map((error) => String(error.extensions?.code));
          expect(codes.filter((code) => !DOCUMENTED_CODES.has(code))).toEqual([]);
          if (body.errors) expect(await rowCounts(mutation.tables)).toEqual(before);
          else expect((body.data as Record<string, unknown>)[mutation.name]).toBeTruthy();
        }),
        // No shrinking: each step is a round trip; the failing input is reported as generated.
        { numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});
