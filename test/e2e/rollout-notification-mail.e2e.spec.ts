import { createEmailActivities } from '../../activities/email/email.activities.js';
import { requestLinkConfig } from '../../activities/email/request-links.js';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { outboundMailSettings } from '../../libs/config/app-config.js';
import { awaitMail, outboxFor, type OutboxMail } from '../support/dev-outbox.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Rollout notifications by mail on the real stack: a rollout started a month ago has overdue tasks at once; the
// workflow mails each to its owner and the lead through the email activity into the dev outbox, once.

const DAY_MS = 86_400_000;
const CHANNELS_TASK = 'Connect email, web form and chat'; // configure-channels, owned by the rollout's admin

describe('rollout notifications reach their people by mail', () => {
  let system: TestSystem;
  let admin: string;
  let lead: { userId: string; email: string };
  let owner: { userId: string; email: string };
  let rolloutId: string;

  const overdueMails = (mails: OutboxMail[]) => mails.filter((mail) => mail.subject === `Overdue in Initech: ${CHANNELS_TASK}`);

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    const named = await system.signIn(['implementation_lead']);
    lead = named;
    owner = await system.signIn(['admin']);
    const people = [
      { role: 'lead', userId: lead.userId },
      { role: 'admin', userId: owner.userId },
      { role: 'migration_operator', userId: (await system.signIn(['admin'])).userId },
      { role: 'trainer', userId: (await system.signIn(['admin'])).userId },
    ];
    const startDate = new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10);
    const input = { name: 'Initech', templateId: 'unified-platform', startDate, people };
    ({ id: rolloutId } = dataOf(await system.graphql(`mutation($input: CreateRolloutInput!) { createRollout(input: $input) { id } }`, { input }, named.token)).createRollout);
  });
  afterAll(() => system?.stop());

  it("mails an overdue task to its owner and to the lead, each once, even when the activity runs again", async () => {
    const toOwner = await awaitMail(system, admin, owner.email, (mail) => overdueMails([mail]).length === 1);
    const toLead = await awaitMail(system, admin, lead.email, (mail) => overdueMails([mail]).length === 1);

    expect(toOwner).toMatchObject({ from: 'support@example.com', to: [owner.email] });
    expect(toOwner.text).toContain(`The task "${CHANNELS_TASK}" of the rollout "Initech" was due`);
    expect(toOwner.headers['auto-submitted']).toBe('auto-generated');
    expect(toLead.to).toEqual([lead.email]);

    const [sent] = await system.dataSource.query<Array<{ idempotency_key: string; template: string; rollout_id: string }>>(
      `SELECT idempotency_key, template, rollout_id FROM sent_emails WHERE recipient = $1 AND subject = $2`,
      [owner.email, toOwner.subject],
    );
    expect(sent).toMatchObject({ template: 'rollout_task_overdue', rollout_id: rolloutId });
    const activities = createEmailActivities({
      dataSource: system.dataSource,
      mail: outboundMailSettings(system.config),
      requestLinks: requestLinkConfig(surveyLinkConfig(system.config)),
      surveyLinks: surveyLinkConfig(system.config),
    });
    const retried = await activities.sendRolloutNotificationEmail({
      idempotencyKey: sent.idempotency_key,
      template: 'rollout_task_overdue',
      rolloutId,
      recipientUserId: owner.userId,
      variables: { 'task.title': CHANNELS_TASK, 'task.dueDate': 'again' },
    });

    expect(retried).toEqual({ messageId: toOwner.messageId, alreadySent: true });
    expect(overdueMails(await outboxFor(system, admin, owner.email))).toHaveLength(1);
    expect(overdueMails(await outboxFor(system, admin, lead.email))).toHaveLength(1);
  });
});
