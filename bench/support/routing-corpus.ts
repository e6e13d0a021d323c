import type { BusinessCalendar } from '../../libs/domain/calendar/index.js';
import type { Calendars, RoutableTicket, RoutingCriteria, RoutingRule } from '../../libs/domain/routing/index.js';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../../libs/domain/tickets/ticket-fields.js';
import type { SeededRandom } from './seeded-random.js';

// A synthetic but realistic routing workload, shared by the routing benchmarks: rules as a support team accumulates
// them (VIP domains, products, form fields, reference-number patterns, after-hours escalation; specific rules first,
// broad topic rules last) and tickets written from the same vocabulary, so some match early, some late, some never.

interface Topic {
  category: string;
  keywords: readonly string[];
  subjects: readonly string[];
  sentences: readonly string[];
}

const TOPICS: readonly Topic[] = [
  {
    category: 'billing',
    keywords: ['invoice', 'refund', 'charged twice', 'vat', 'receipt', 'credit card', 'billing', 'payment failed'],
    subjects: ['Invoice for {product} shows the wrong amount', 'Refund request for {product}', 'We were charged twice this month'],
    sentences: [
      'Our latest invoice for {product} lists seats we removed last month.',
      'The credit card payment failed although the card is valid.',
      'Please send a receipt with our VAT number on it, the finance team needs it for the audit.',
      'We were charged twice for the annual plan and would like a refund of one payment.',
    ],
  },
  {
    category: 'access',
    keywords: ['password reset', 'locked out', 'sso', 'saml', 'two-factor', '2fa', 'login', 'cannot sign in'],
    subjects: ['Cannot sign in to {product}', 'SSO login loops back to the start page', 'Locked out after the password reset'],
    sentences: [
      'Since this morning nobody on the team can sign in to {product} through SSO.',
      'The SAML assertion seems to be rejected, the identity provider logs show a signature error.',
      'I reset my password twice and I am still locked out of the account.',
      'The two-factor code from the authenticator app is never accepted.',
    ],
  },
  {
    category: 'outage',
    keywords: ['outage', 'down', 'not loading', '503', 'timeout', 'very slow', 'service unavailable', 'degraded'],
    subjects: ['{product} is down for our whole office', 'Pages not loading since 9am', 'Service unavailable errors in {product}'],
    sentences: [
      'The dashboard of {product} has been returning 503 errors for twenty minutes.',
      'Everything is very slow, simple pages take more than a minute and then time out.',
      'Our users in several countries report the same outage.',
      'The status page still says all systems are operational.',
    ],
  },
  {
    category: 'integration',
    keywords: ['api', 'webhook', 'rate limit', 'oauth', 'integration', 'api key', 'sdk', 'zapier'],
    subjects: ['Webhook deliveries from {product} stopped', 'API returns 429 rate limit errors', 'OAuth token refresh fails'],
    sentences: [
      'Our integration calls the {product} API every minute and now gets rate limit errors.',
      'Webhook deliveries stopped yesterday evening, the endpoint is reachable from outside.',
      'The OAuth refresh token is rejected with invalid_grant after one hour.',
      'Which API key scopes does the new SDK version need?',
    ],
  },
  {
    category: 'data',
    keywords: ['export', 'import', 'csv', 'missing data', 'duplicate records', 'backup', 'gdpr', 'data deletion'],
    subjects: ['CSV export of {product} is empty', 'Duplicate records after the import', 'GDPR data deletion request'],
    sentences: [
      'The CSV export from {product} only contains the header row.',
      'After last night\'s import we see duplicate records for most of our contacts.',
      'A former customer asked us for data deletion under GDPR, how do we proceed?',
      'Some data is missing from the report since the migration.',
    ],
  },
  {
    category: 'shipping',
    keywords: ['delivery', 'tracking number', 'shipment', 'damaged', 'return label', 'customs', 'order status', 'late delivery'],
    subjects: ['Where is my order?', 'Damaged {product} delivered today', 'Need a return label for my order'],
    sentences: [
      'The tracking number has shown the same status for a week.',
      'The box arrived damaged and the {product} inside does not power on.',
      'Could you send me a return label? The order status still says processing.',
      'The shipment is held at customs and they ask for an invoice.',
    ],
  },
  {
    category: 'mobile',
    keywords: ['ios', 'android', 'mobile app', 'push notifications', 'crash', 'app store', 'tablet', 'offline mode'],
    subjects: ['{product} mobile app crashes on start', 'No push notifications on Android', 'Offline mode loses my changes'],
    sentences: [
      'The {product} mobile app crashes right after the splash screen on iOS 18.',
      'Push notifications stopped on all our Android phones after the update.',
      'Changes made in offline mode disappear once the tablet is back online.',
      'The app store version is older than the one announced in your newsletter.',
    ],
  },
  {
    category: 'security',
    keywords: ['phishing', 'security incident', 'suspicious login', 'vulnerability', 'data breach', 'audit log', 'penetration test', 'compromised'],
    subjects: ['Suspicious login on our admin account', 'Possible phishing email using your brand', 'Vulnerability report for {product}'],
    sentences: [
      'The audit log shows a suspicious login from a country where we have no staff.',
      'One of our admins may have been compromised by a phishing email.',
      'Our penetration test found a vulnerability in the {product} file upload.',
      'Please treat this as a security incident and tell us what data was accessed.',
    ],
  },
];

/** Questions no rule is written for: they go to the fallback queue unless something else about them matches. */
const GENERAL: Topic = {
  category: 'general',
  keywords: [],
  subjects: ['Question about {product}', 'How do I change our company logo?', 'Feedback on the new dashboard'],
  sentences: [
    'How can I change the logo and colours shown to our customers in {product}?',
    'Is there a way to rename a workspace without losing its history?',
    'We like the new dashboard, but the font is a little small on large screens.',
    'Who is our account manager now that Julia has left?',
  ],
};

const FILLER = [
  'Hello support team,',
  'Hi,',
  'Thanks in advance for your help.',
  'This is quite urgent for us because the end of the quarter is next week.',
  'I attached two screenshots that show the problem.',
  'We have been customers for several years and never had this issue before.',
  'Nothing changed on our side as far as I know.',
  'Could someone call me back this afternoon?',
  'The issue affects about thirty people in our sales department.',
  'I already tried clearing the browser cache and using another browser.',
  'Let me know if you need any more details from us.',
  'Best regards,',
  'Kind regards, the operations team',
];

const PRODUCTS = [
  'Atlas', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Garnet', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen',
  'Mosaic', 'Nimbus', 'Orbit', 'Pillar', 'Quartz', 'Raven', 'Sierra', 'Tundra', 'Umbra', 'Vertex', 'Willow', 'Zephyr',
];
const PLANS = ['free', 'team', 'business', 'enterprise'];
const REGIONS = ['eu', 'us', 'apac', 'latam'];
const TIERS = ['standard', 'premium', 'platinum'];
const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja'];
const FREEMAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com'];
const REFERENCE_PREFIXES = ['INV', 'ORD', 'CASE', 'RMA', 'PO', 'SUB', 'ACCT', 'QUOTE'];
const TAGS = ['vip', 'churn-risk', 'finance', 'security', 'hardware', 'api', 'after-hours', 'escalated', 'gdpr', 'mobile'];
/** Agents of the assignment benchmark have every one of these skills. */
export const ROUTING_SKILLS = ['billing', 'sso', 'api', 'networking', 'mobile', 'data', 'security', 'logistics'];

/** 600 customer companies, a quarter of them with a VIP domain rule. */
const COMPANIES = Array.from({ length: 600 }, (_, index) => {
  const stems = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'wonka', 'tyrell', 'soylent'];
  const suffixes = ['corp', 'labs', 'group', 'systems', 'retail', 'health', 'logistics', 'bank', 'media', 'energy'];
  return `${stems[index % 10]}-${suffixes[Math.floor(index / 10) % 10]}${Math.floor(index / 100) || ''}.example`;
});

/** Three team calendars with fixed ids (stored as such by the assignment benchmark). */
export const ROUTING_CALENDARS: Calendars = {
  'b1a7c0de-0000-4000-8000-000000000001': officeHours('Europe/Paris', '09:00', '18:00'),
  'b1a7c0de-0000-4000-8000-000000000002': officeHours('America/New_York', '08:00', '20:00'),
  'b1a7c0de-0000-4000-8000-000000000003': officeHours('Asia/Tokyo', '09:00', '17:30'),
};

function officeHours(timeZone: string, start: string, end: string): BusinessCalendar {
  const weekdays = [1, 2, 3, 4, 5] as const;
  return { timeZone, intervals: weekdays.map((day) => ({ day, start, end })), holidays: [{ date: '2026-01-01', recurring: true }] };
}

/**
 * `count` rules routing to `groupIds`, positions 0..count-1: about 95 % specific rules (customer domains and
 * organizations, form fields, product phrases, reference-number patterns, channel + topic, after-hours on a calendar)
 * in mixed order, then the broad topic keyword rules.
 */
export function routingRules(count: number, random: SeededRandom, groupIds: readonly string[]): RoutingRule[] {
  const broad = Math.max(1, Math.round(count * 0.05));
  const kinds: Array<[weight: number, make: () => RoutingCriteria]> = [
    [20, () => ({ requesterDomains: random.sample(COMPANIES.slice(0, 150), random.int(1, 3)) })],
    [4, () => ({ organizationIds: random.sample(organizations, random.int(1, 2)) })],
    [2, () => ({ customerTiers: ['platinum'], priorities: ['urgent'] })],
    [18, () => formFieldCriteria(random)],
    [30, () => ({ keywords: productPhrases(random) })],
    [12, () => ({ pattern: referencePattern(random) })],
    [3, () => ({ channels: [random.pick(TICKET_CHANNELS)], keywords: random.sample(random.pick(TOPICS).keywords, random.int(1, 2)) })],
    [1, () => arrivalCriteria(random)],
  ];
  const totalWeight = kinds.reduce((sum, [weight]) => sum + weight, 0);
  const specificCriteria = () => {
    let roll = random.next() * totalWeight;
    for (const [weight, make] of kinds) if ((roll -= weight) < 0) return make();
    return kinds[0][1]();
  };
  const criteria = Array.from({ length: count }, (_, index) =>
    index < count - broad ? specificCriteria() : { keywords: random.sample(random.pick(TOPICS).keywords, random.int(2, 5)) },
  );
  return criteria.map((c, position) => ({
    id: `rule-${position}`,
    name: `Rule ${position}`,
    position,
    criteria: c,
    result: {
      groupId: random.pick(groupIds),
      requiredSkills: random.sample(ROUTING_SKILLS, random.int(0, 2)).map((skill) => ({ skill, minLevel: random.int(1, 4) })),
      priorityAdjustment: random.chance(0.15) ? random.pick([-1, 1, 2]) : 0,
      tags: random.sample(TAGS, random.int(0, 2)),
    },
  }));
}

const organizations = Array.from({ length: 400 }, (_, index) => `org-${index}`);

function formFieldCriteria(random: SeededRandom): RoutingCriteria {
  const fields: Record<string, string[]> = { product: random.sample(PRODUCTS, random.int(1, 2)), category: [random.pick(TOPICS).category] };
  if (random.chance(0.5)) fields.plan = random.sample(PLANS, 2);
  if (random.chance(0.2)) fields.region = [random.pick(REGIONS)];
  return { fields };
}

function productPhrases(random: SeededRandom): string[] {
  const product = random.pick(PRODUCTS).toLowerCase();
  const topic = random.pick(TOPICS);
  return random.sample(topic.keywords, random.int(1, 3)).map((keyword) => `${product} ${keyword}`);
}

/** Mostly patterns with a literal the index can look up; a few (tracking and phone numbers) without one. */
function referencePattern(random: SeededRandom): string {
  const product = random.pick(PRODUCTS);
  return random.pick([
    () => `\\b${random.pick(REFERENCE_PREFIXES)}-\\d{${random.int(4, 6)}}\\b`,
    () => `\\b${product.slice(0, 3).toUpperCase()}-\\d{3,5}\\b`,
    () => `${product}\\s+v?\\d+\\.\\d+`,
    () => `error\\s+(code\\s+)?E${random.int(1, 9)}\\d{2}`,
    () => `order\\s+#?\\d{${random.int(6, 8)}}`,
    () => `\\b[A-Z]{2}\\d{9}[A-Z]{2}\\b`,
    () => `\\+?\\d{2}[ -]\\d{3}[ -]\\d{4}`,
  ])();
}

function arrivalCriteria(random: SeededRandom): RoutingCriteria {
  const calendarId = random.pick(Object.keys(ROUTING_CALENDARS));
  return random.chance(0.7)
    ? { arrival: 'after_hours', calendarId, priorities: ['urgent'], customerTiers: ['premium', 'platinum'] }
    : { arrival: 'business_hours', calendarId, channels: ['phone'], keywords: [...random.pick(TOPICS).keywords] };
}

/** When the scenario tickets arrive: spread over four weeks from Monday 2 March 2026. */
const ARRIVALS_FROM = Date.parse('2026-03-02T00:00:00Z');
const FOUR_WEEKS_MS = 28 * 86_400_000;

/** `count` tickets, one in seven about nothing the rules know: a subject of 20–70 characters, a description of roughly
 * 100–1,500, form fields on most web and API tickets. */
export function scenarioTickets(count: number, random: SeededRandom): RoutableTicket[] {
  return Array.from({ length: count }, () => scenarioTicket(random));
}

function scenarioTicket(random: SeededRandom): RoutableTicket {
  const topic = random.chance(0.15) ? GENERAL : random.pick(TOPICS);
  const product = random.pick(PRODUCTS);
  const fill = (text: string) => text.replaceAll('{product}', random.chance(0.8) ? product : 'your product');
  const body = [random.pick(FILLER.slice(0, 2))];
  for (let i = random.int(1, 5); i > 0; i--) body.push(fill(random.pick(random.chance(0.9) ? topic.sentences : random.pick(TOPICS).sentences)));
  for (let i = random.int(0, 6); i > 0; i--) body.push(random.pick(FILLER.slice(2, -2)));
  if (random.chance(0.3)) body.push(reference(random, product));
  body.push(random.pick(FILLER.slice(-2)));
  const channel = random.pick(TICKET_CHANNELS);
  const fields: Record<string, string> = {};
  if ((channel === 'web' || channel === 'api') && random.chance(0.7)) {
    fields.product = product;
    fields.category = topic.category;
    fields.plan = random.pick(PLANS);
    fields.region = random.pick(REGIONS);
    fields.language = random.pick(LANGUAGES);
  }
  const domain = random.chance(0.35) ? random.pick(FREEMAIL) : random.pick(COMPANIES);
  return {
    channel,
    requesterEmail: `${random.pick(['alex', 'sam', 'kim', 'lee', 'maria', 'chen', 'olu', 'ines'])}.${random.int(1, 999)}@${domain}`,
    organizationId: random.chance(0.5) ? random.pick(organizations) : null,
    customerTier: random.chance(0.6) ? random.pick(TIERS) : null,
    priority: random.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const),
    subject: fill(random.pick(topic.subjects)),
    description: body.join(random.chance(0.5) ? '\n\n' : ' '),
    fields,
    arrivedAt: ARRIVALS_FROM + Math.floor(random.next() * FOUR_WEEKS_MS),
  };
}

/** A reference number as customers paste them, some of which a pattern rule is waiting for. */
function reference(random: SeededRandom, product: string): string {
  return random.pick([
    () => `Our reference is ${random.pick(REFERENCE_PREFIXES)}-${random.int(1000, 999_999)}.`,
    () => `Ticket ${product.slice(0, 3).toUpperCase()}-${random.int(100, 99_999)} in your old system was about the same thing.`,
    () => `We are on ${product} v${random.int(1, 9)}.${random.int(0, 20)}.`,
    () => `The screen shows error code E${random.int(100, 999)}.`,
    () => `It is about order #${random.int(100_000, 99_999_999)}.`,
    () => `Tracking: RR${random.int(100_000_000, 999_999_999)}FR.`,
    () => `You can reach me on +33 612 ${random.int(1000, 9999)}.`,
  ])();
}
