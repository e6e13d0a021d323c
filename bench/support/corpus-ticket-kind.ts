// What a generated ticket is about and its type, from its number alone: a hash, not the corpus's random stream, so
// the rest of the corpus (timelines, messages, surveys) is the same as before these were added.

const TOPICS = `invoice refund export import login password sync calendar webhook report dashboard mobile printer vpn
  certificate backup upload download notification subscription upgrade integration permissions sso billing search
  attachment translation keyboard archive domain firewall proxy timeout migration workflow macro survey widget theme
  schedule payment receipt coupon shipment tracking warranty license onboarding audit signature captcha`
  .split(/\s+/)
  .filter(Boolean);
const SYMPTOMS = ['fails', 'is slow', 'shows an error', 'is missing', 'does not load', 'is duplicated', 'question', 'stopped working'];
/** Weights in percent: most tickets are questions and incidents. */
const TYPES: Array<[string, number]> = [['question', 50], ['incident', 25], ['service_request', 15], ['task', 7], ['problem', 3]];

/** A 32-bit integer hash (the mulberry32 finaliser), evenly spread over consecutive numbers. */
function hash(n: number, salt: number): number {
  let t = (n * 0x9e3779b9 + salt) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

export const TICKET_TOPICS: readonly string[] = TOPICS;

export function ticketSubject(index: number): string {
  return `${TOPICS[hash(index, 1) % TOPICS.length]} ${SYMPTOMS[hash(index, 2) % SYMPTOMS.length]}`;
}

export function ticketType(index: number): string {
  let roll = hash(index, 3) % 100;
  for (const [type, weight] of TYPES) {
    if (roll < weight) return type;
    roll -= weight;
  }
  return TYPES[0][0];
}
