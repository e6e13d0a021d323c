import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../tickets/ticket-fields.js';
import { TICKET_TYPES } from '../tickets/ticket-type.js';
import { keywordImplies, type Keyword } from './keyword-match.js';
import {
  LIST_CRITERIA,
  LIST_LABELS,
  emailDomain,
  hasCriteria,
  normalizeCriteria,
  type ListCriterion,
  type NormalizedCriteria,
} from './routing-criteria.js';
import type { RoutingRule } from './routing-rule.js';

export interface RuleConflicts {
  /** `rule` can never fire: `by` is tried before it and takes every ticket it would. Ids. */
  shadowed: Array<{ rule: string; by: string; explanation: string }>;
  /**
   * Some ticket (certainly, or maybe where a pattern or arrivals on two calendars are involved) matches both rules,
   * which route to different groups; `first` is tried first and wins. Ids.
   */
  overlaps: Array<{ first: string; second: string; explanation: string }>;
}

/**
 * Rules that can never fire, and pairs of live rules that compete for the same tickets, in the order rules are tried
 * (ascending position, ties in the given order).
 *
 * Shadowing is only reported when it is provable: for each criterion of the earlier rule E, the later rule L has it
 * too and allows no more — L's values are a subset of E's (for channels, priorities and ticket types, an absent criterion in L is
 * every value, so an E listing all of them takes everything); E's requester domains also take an L whose requester
 * emails are all at those domains; E's keywords take L only when L has keywords and each of them contains one of E's
 * as whole words (E "refund" takes L "refund request"; the reverse does not hold, and E's keyword set being a subset of
 * L's proves nothing, since L also matches tickets with only its other keywords); E's pattern takes L only when L has
 * the identical pattern; E's arrival only when L has the same arrival on the same calendar. A rule with no criterion,
 * or a pattern that does not compile, never fires (see compileRoutingRules): it shadows nothing and is not reported.
 *
 * An overlap is a pair of rules, neither of which can never fire, that route to different groups and that one ticket
 * can satisfy together: every criterion both specify shares a value (a requester email must also sit at every required
 * domain; the same calendar cannot be both business hours and after hours). Keywords never rule an overlap out, a text
 * can mention one keyword of each rule; patterns are not analysed, nor are the hours of two different calendars
 * compared, so pairs that involve them are reported as ones that "may overlap", and the explanation says why.
 */
export function findRuleConflicts(rules: readonly RoutingRule[]): RuleConflicts {
  const ordered = rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.position - b.rule.position || a.index - b.index)
    .map(({ rule }) => {
      const n = normalizeCriteria(rule.criteria);
      return { rule, n, live: hasCriteria(n) && compiles(n.pattern) };
    });
  const shadowed: RuleConflicts['shadowed'] = [];
  ordered.forEach((later, j) => {
    if (!later.live) return;
    for (let i = 0; i < j; i++) {
      const earlier = ordered[i];
      if (!earlier.live) continue;
      const how = covers(earlier.n, later.n, quote(earlier.rule), quote(later.rule));
      if (how === null) continue;
      later.live = false;
      shadowed.push({
        rule: later.rule.id,
        by: earlier.rule.id,
        explanation:
          `Rule ${describe(later.rule)} can never fire: rule ${describe(earlier.rule)} is tried first and takes ` +
          `every ticket it would (${how.join('; ')}).`,
      });
      return;
    }
  });
  const overlaps: RuleConflicts['overlaps'] = [];
  ordered.forEach((first, i) => {
    if (!first.live) return;
    for (let j = i + 1; j < ordered.length; j++) {
      const second = ordered[j];
      if (!second.live || second.rule.result.groupId === first.rule.result.groupId) continue;
      const shared = overlap(first, second);
      if (shared === null) continue;
      const certain = shared.caveats.length === 0;
      const traits = shared.joint.length > 0 ? [`with ${shared.joint.join(', ')}`, ...shared.clauses] : shared.clauses;
      const ticket = `a ticket ${traits.join(', ')}`;
      const group = first.rule.result.groupId;
      overlaps.push({
        first: first.rule.id,
        second: second.rule.id,
        explanation:
          `Rules ${describe(first.rule)} → group ${group} and ${describe(second.rule)} → group ` +
          `${second.rule.result.groupId} ${certain ? 'overlap' : 'may overlap'}: ${ticket} ` +
          `${certain ? 'matches both and goes' : 'would match both and go'} to group ${group}, because ` +
          `${quote(first.rule)} is tried first.${certain ? '' : ` Not certain: ${shared.caveats.join(', and ')}.`}`,
      });
    }
  });
  return { shadowed, overlaps };
}

const UNIVERSES: Partial<Record<ListCriterion, readonly string[]>> = {
  channels: TICKET_CHANNELS,
  priorities: TICKET_PRIORITIES,
  ticketTypes: TICKET_TYPES,
};

/** How E takes every ticket L takes, criterion by criterion; null when that cannot be proven. */
function covers(e: NormalizedCriteria, l: NormalizedCriteria, eName: string, lName: string): string[] | null {
  const how: string[] = [];
  for (const key of LIST_CRITERIA) {
    const wide = e[key];
    if (!wide) continue;
    const label = LIST_LABELS[key];
    const narrow = l[key] ?? (UNIVERSES[key] ? new Set(UNIVERSES[key]) : null);
    if (narrow && subset(narrow, wide)) {
      const among = `${lName}'s ${label} ${list(narrow)} is among ${eName}'s (${list(wide)})`;
      how.push(l[key] ? among : `${eName} takes every ${label}`);
      continue;
    }
    const emails = key === 'requesterDomains' ? l.requesterEmails : null;
    if (emails && [...emails].every((m) => wide.has(emailDomain(m)))) {
      how.push(`${lName}'s requesters ${list(emails)} are all at ${eName}'s domains (${list(wide)})`);
      continue;
    }
    return null;
  }
  for (const [field, wide] of e.fields) {
    const narrow = l.fields.get(field);
    if (!narrow || !subset(narrow, wide)) return null;
    how.push(`${lName}'s field ${field} ${list(narrow)} is among ${eName}'s (${list(wide)})`);
  }
  if (e.arrival) {
    const { window, calendarId } = e.arrival;
    if (l.arrival?.window !== window || l.arrival.calendarId !== calendarId) return null;
    how.push(`both take tickets arriving ${arrivalWords(window)} on calendar ${calendarId}`);
  }
  const wide = e.keywords;
  if (wide) {
    if (!l.keywords || !l.keywords.every((k) => wide.some((w) => keywordImplies(k, w)))) return null;
    const [narrowList, wideList] = [keywordList(l.keywords), keywordList(wide)];
    how.push(`each of ${lName}'s keywords (${narrowList}) contains one of ${eName}'s (${wideList}) as whole words`);
  }
  if (e.pattern !== null) {
    if (l.pattern !== e.pattern) return null;
    how.push(`both use the pattern /${e.pattern}/`);
  }
  return how;
}

interface Entry {
  rule: RoutingRule;
  n: NormalizedCriteria;
}

/**
 * What a ticket matching both rules must have (joint: "with …"; clauses: its text, arrival on two calendars) and why
 * such a ticket might not exist (caveats); null when none can. Keywords alone never make an overlap uncertain: a
 * text can always mention one keyword of each rule. A pattern does (it may match nothing, or only texts without the
 * other rule's keywords, e.g. ^\d+$), and so do arrivals judged on different calendars.
 */
function overlap(a: Entry, b: Entry): { joint: string[]; clauses: string[]; caveats: string[] } | null {
  const joint: string[] = [];
  for (const key of ['channels', 'priorities', 'ticketTypes', 'organizationIds', 'customerTiers'] as const) {
    const both = meet(a.n[key], b.n[key]);
    if (both?.size === 0) return null;
    const everything = both !== null && both.size === UNIVERSES[key]?.length;
    if (both && !everything) joint.push(`${LIST_LABELS[key]} ${list(both, ' or ')}`);
  }
  const requester = requesterOverlap(a.n, b.n);
  if (requester === null) return null;
  if (requester !== '') joint.push(requester);
  for (const field of new Set([...a.n.fields.keys(), ...b.n.fields.keys()])) {
    const both = meet(a.n.fields.get(field) ?? null, b.n.fields.get(field) ?? null) as ReadonlySet<string>;
    if (both.size === 0) return null;
    joint.push(`field ${field} = ${list(both, ' or ')}`);
  }
  const clauses: string[] = [];
  const caveats: string[] = [];
  const [x, y] = [a.n.arrival, b.n.arrival];
  if (x && y && x.calendarId === y.calendarId && x.window !== y.window) return null;
  if (x && y && x.calendarId !== y.calendarId) {
    const [onX, onY] = [x, y].map(({ window, calendarId }) => `${arrivalWords(window)} on calendar ${calendarId}`);
    clauses.push(`arriving ${onX} and ${onY}`);
    caveats.push('the working hours of different calendars are not compared');
  } else if (x ?? y) {
    const { window, calendarId } = (x ?? y)!;
    joint.push(`arrival ${arrivalWords(window)} on calendar ${calendarId}`);
  }
  const keywords = [a, b].flatMap(({ rule, n }) =>
    n.keywords ? [`one of ${quote(rule)}'s keywords (${keywordList(n.keywords)})`] : [],
  );
  const patterns = [a, b].flatMap(({ rule, n }) =>
    n.pattern !== null ? [`${quote(rule)}'s pattern /${n.pattern}/`] : [],
  );
  const text = [
    ...(keywords.length > 0 ? [`mentions ${keywords.join(' and ')}`] : []),
    ...(patterns.length > 0 ? [`matches ${patterns.join(' and ')}`] : []),
  ];
  if (text.length > 0) clauses.unshift(`whose text ${text.join(' and ')}`);
  if (patterns.length > 0) caveats.unshift('patterns are not analysed, so whether such a text exists is not known');
  return { joint, clauses, caveats };
}

/** The requester a ticket matching both must have ('' when neither rule asks), or null when none can. */
function requesterOverlap(a: NormalizedCriteria, b: NormalizedCriteria): string | null {
  const domains = [a.requesterDomains, b.requesterDomains].filter((d) => d !== null);
  const emails = meet(a.requesterEmails, b.requesterEmails);
  if (emails) {
    const possible = [...emails].filter((m) => domains.every((d) => d.has(emailDomain(m))));
    return possible.length === 0 ? null : `requester ${possible.join(' or ')}`;
  }
  const both = meet(a.requesterDomains, b.requesterDomains);
  if (!both) return '';
  return both.size === 0 ? null : `requester domain ${list(both, ' or ')}`;
}

/** The values allowed by both (null: no constraint from either). */
function meet(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): ReadonlySet<string> | null {
  if (!a || !b) return a ?? b;
  return new Set([...a].filter((v) => b.has(v)));
}

function subset(small: ReadonlySet<string>, big: ReadonlySet<string>): boolean {
  for (const v of small) if (!big.has(v)) return false;
  return true;
}

function compiles(pattern: string | null): boolean {
  if (pattern === null) return true;
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

function arrivalWords(window: string): string {
  return window === 'business_hours' ? 'during business hours' : window === 'after_hours' ? 'after hours' : window;
}

function list(values: Iterable<string>, separator = ', '): string {
  return [...values].join(separator);
}

function keywordList(keywords: readonly Keyword[]): string {
  return keywords.map((k) => `"${k.text}"`).join(', ');
}

function quote(rule: RoutingRule): string {
  return `"${rule.name}"`;
}

function describe(rule: RoutingRule): string {
  return `"${rule.name}" (position ${rule.position})`;
}
