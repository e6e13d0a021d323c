import { isWorkingTime, type BusinessCalendar } from '../calendar/index.js';
import type { TicketPriority } from '../tickets/ticket-fields.js';
import { ticketTypeOrDefault } from '../tickets/ticket-type.js';
import { adjustPriority } from './adjust-priority.js';
import { mentions, partMentioning, searchableText, type Keyword, type SearchableText } from './keyword-match.js';
import {
  LIST_CRITERIA,
  LIST_LABELS,
  emailDomain,
  hasCriteria,
  normalizeCriteria,
  type ListCriterion,
} from './routing-criteria.js';
import type { RequiredSkill, RoutableTicket, RoutingRule } from './routing-rule.js';
import { requiredLiteral } from './required-literal.js';
import { TextIndex, type TextHits } from './text-index.js';

export type RoutingDecision =
  | {
      matched: true;
      rule: RoutingRule;
      /** How the ticket met each criterion of the rule, e.g. 'channel email', 'keyword "refund" in the subject'. */
      reasons: string[];
      groupId: string;
      requiredSkills: RequiredSkill[];
      /** The ticket's priority after the rule's adjustment. */
      priority: TicketPriority;
      tags: string[];
    }
  | {
      matched: false;
      /** Why nothing matched; the caller sends the ticket to the fallback queue. */
      reason: string;
    };

export type Calendars = Readonly<Record<string, BusinessCalendar>>;

/** A rule set prepared once (ordered, regular expressions and keywords compiled) to route many tickets. */
export interface CompiledRoutingRules {
  /** The rules in the order they are tried. */
  readonly rules: readonly RoutingRule[];
  /** Rules that can never match, and why: no criterion, or a pattern that does not compile. */
  readonly problems: readonly string[];
  route(ticket: RoutableTicket, calendars: Calendars): RoutingDecision;
}

/** One criterion of a rule: whether a ticket meets it, and (for the winning rule only) how, in words. */
interface Criterion {
  test(view: TicketView): boolean;
  tell(view: TicketView): string;
}

interface CompiledRule {
  rule: RoutingRule;
  criteria: Criterion[];
}

/** Routes one ticket: the first rule by ascending position (stable) whose criteria all match. */
export function routeTicket(
  rules: readonly RoutingRule[],
  ticket: RoutableTicket,
  calendars: Calendars,
): RoutingDecision {
  return compileRoutingRules(rules).route(ticket, calendars);
}

/**
 * Orders the rules and compiles their criteria once: regular expressions, keywords, and one index over the text
 * criteria of all rules (see TextIndex), so that routing a ticket lowercases and splits its text once and turns most
 * keyword and pattern rules away with a lookup. A rule with no criterion, or whose pattern does not compile, never
 * matches (validateRoutingRule refuses both); a rule whose calendar is missing from `calendars`, or invalid, does not
 * match that ticket. Both are told in the reason when nothing matches.
 */
export function compileRoutingRules(rules: readonly RoutingRule[]): CompiledRoutingRules {
  const ordered = rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.position - b.rule.position || a.index - b.index)
    .map(({ rule }) => rule);
  const compiled: CompiledRule[] = [];
  const problems: string[] = [];
  const index = new TextIndex();
  for (const rule of ordered) {
    const criteria = compileCriteria(rule, index);
    if (typeof criteria === 'string') problems.push(`Rule "${rule.name}" never matches: ${criteria}.`);
    else compiled.push({ rule, criteria });
  }
  return {
    rules: ordered,
    problems,
    route(ticket, calendars) {
      const view = new TicketView(ticket, calendars, index);
      for (const { rule, criteria } of compiled) {
        if (meetsAll(criteria, view)) return decide(rule, criteria, view);
      }
      const tried =
        ordered.length === 0
          ? 'There are no routing rules'
          : `No routing rule matched (${plural(ordered.length, 'rule')} tried)`;
      const reason = [`${tried}; the ticket goes to the fallback queue.`, ...problems, ...view.notes].join(' ');
      return { matched: false, reason };
    },
  };
}

function meetsAll(criteria: Criterion[], view: TicketView): boolean {
  for (const criterion of criteria) if (!criterion.test(view)) return false;
  return true;
}

function decide(rule: RoutingRule, criteria: Criterion[], view: TicketView): RoutingDecision {
  const { result } = rule;
  return {
    matched: true,
    rule,
    reasons: criteria.map((criterion) => criterion.tell(view)),
    groupId: result.groupId,
    requiredSkills: (result.requiredSkills ?? []).map((skill) => ({ ...skill })),
    priority: adjustPriority(view.ticket.priority, result.priorityAdjustment ?? 0),
    tags: [...(result.tags ?? [])],
  };
}

/** The rule's criteria, cheapest to test first, text criteria entered in `index`; or why the rule can never match. */
function compileCriteria(rule: RoutingRule, index: TextIndex): Criterion[] | string {
  const n = normalizeCriteria(rule.criteria);
  if (!hasCriteria(n)) return 'it has no criteria';
  const criteria: Criterion[] = [];
  for (const key of LIST_CRITERIA) {
    const allowed = n[key];
    if (allowed) criteria.push(listCriterion(key, allowed));
  }
  for (const [name, allowed] of n.fields) {
    criteria.push({
      test: (view) => allowed.has(fieldValue(view.ticket, name) as string),
      tell: (view) => `field ${name} = ${fieldValue(view.ticket, name)}`,
    });
  }
  if (n.arrival) criteria.push(arrivalCriterion(rule.name, n.arrival.window, n.arrival.calendarId));
  if (n.keywords) criteria.push(keywordCriterion(n.keywords, index));
  if (n.pattern !== null) {
    let regex: RegExp;
    try {
      regex = new RegExp(n.pattern, 'i');
    } catch (error) {
      return `its pattern does not compile (${(error as Error).message})`;
    }
    criteria.push(patternCriterion(regex, index));
  }
  return criteria;
}

function listCriterion(key: ListCriterion, allowed: ReadonlySet<string>): Criterion {
  const read = READERS[key];
  return {
    test:
      key === 'channels'
        ? (view) => allowed.has(view.ticket.channel)
        : key === 'priorities'
          ? (view) => allowed.has(view.ticket.priority)
          : (view) => {
              const value = read(view);
              return value !== null && allowed.has(value);
            },
    tell: (view) => `${LIST_LABELS[key]} ${read(view)}`,
  };
}

const READERS: Record<ListCriterion, (view: TicketView) => string | null> = {
  channels: (view) => view.ticket.channel,
  priorities: (view) => view.ticket.priority,
  ticketTypes: (view) => ticketTypeOrDefault(view.ticket.type, view.ticket.channel),
  organizationIds: (view) => view.ticket.organizationId,
  customerTiers: (view) => view.ticket.customerTier,
  requesterEmails: (view) => view.requesterEmail,
  requesterDomains: (view) => view.requesterDomain,
};

function arrivalCriterion(ruleName: string, window: string, calendarId: string | null): Criterion {
  const wantWorking = window === 'business_hours' ? true : window === 'after_hours' ? false : null;
  return {
    test: (view) => {
      if (wantWorking === null) return false;
      const working = view.isWorkingTime(ruleName, calendarId);
      return working !== null && working === wantWorking;
    },
    tell: () => `arrived ${wantWorking ? 'during business hours' : 'after hours'} (calendar ${calendarId})`,
  };
}

function keywordCriterion(keywords: readonly Keyword[], index: TextIndex): Criterion {
  const slot = index.addKeywords(keywords);
  const phrases = keywords.filter((k) => !k.single);
  return {
    test: (view) => {
      const hits = view.hits;
      if (hits.keywords[slot] === 1) return true;
      if (hits.phrases[slot] === 0) return false;
      for (const phrase of phrases) if (mentions(view.searchable, phrase)) return true;
      return false;
    },
    tell: (view) => {
      for (const where of [0, 1]) {
        const keyword = keywords.find((k) => partMentioning(view.searchable, k) === where);
        if (keyword) return `keyword "${keyword.text}" in the ${where === 0 ? 'subject' : 'description'}`;
      }
      return 'keyword';
    },
  };
}

const SNIPPET_MAX = 60;

function patternCriterion(regex: RegExp, index: TextIndex): Criterion {
  const literal = requiredLiteral(regex.source);
  if (literal !== null) index.addLiteral(literal);
  return {
    test: (view) => (literal === null || view.hits.literals.has(literal)) && regex.test(view.text),
    tell: (view) => {
      const found = (regex.exec(view.text) as RegExpExecArray)[0].replace(/\s+/g, ' ');
      if (found === '') return `pattern /${regex.source}/ matched`;
      const snippet = found.length > SNIPPET_MAX ? `${found.slice(0, SNIPPET_MAX)}…` : found;
      return `pattern /${regex.source}/ matched "${snippet}"`;
    },
  };
}

/** Form field values are read as own properties only, so a field named "constructor" is not Object.prototype's. */
function fieldValue(ticket: RoutableTicket, name: string): string | undefined {
  const fields = ticket.fields ?? {};
  return Object.hasOwn(fields, name) && typeof fields[name] === 'string' ? fields[name] : undefined;
}

/** One ticket as the rules read it: each derived value (lowercased text, arrival per calendar) worked out once. */
class TicketView {
  /** Rules that could not be evaluated for this ticket, in words. */
  readonly notes: string[] = [];
  private email?: string;
  private domain?: string;
  private words?: SearchableText;
  private indexHits?: TextHits;
  private fullText?: string;
  private readonly working = new Map<string, boolean | string>();

  constructor(
    readonly ticket: RoutableTicket,
    private readonly calendars: Calendars,
    private readonly index: TextIndex,
  ) {}

  get requesterEmail(): string {
    return (this.email ??= (this.ticket.requesterEmail ?? '').trim().toLowerCase());
  }

  get requesterDomain(): string {
    return (this.domain ??= emailDomain(this.requesterEmail));
  }

  /** Subject and description as keywords are looked for in them. */
  get searchable(): SearchableText {
    return (this.words ??= searchableText(this.ticket.subject ?? '', this.ticket.description ?? ''));
  }

  /** What the rule set's text index finds among the ticket's words. */
  get hits(): TextHits {
    return (this.indexHits ??= this.index.scan(this.searchable.words));
  }

  /** What patterns are tested against. */
  get text(): string {
    return (this.fullText ??= `${this.ticket.subject ?? ''}\n${this.ticket.description ?? ''}`);
  }

  /** Whether the ticket arrived in the calendar's working time; null (and a note) when that cannot be told. */
  isWorkingTime(ruleName: string, calendarId: string | null): boolean | null {
    const key = calendarId ?? '';
    let working = this.working.get(key);
    if (working === undefined) {
      working = this.computeWorking(calendarId);
      this.working.set(key, working);
    }
    if (typeof working === 'boolean') return working;
    this.notes.push(`Rule "${ruleName}" could not check the arrival time: ${working}.`);
    return null;
  }

  private computeWorking(calendarId: string | null): boolean | string {
    if (calendarId === null) return 'it names no calendar';
    const calendar = Object.hasOwn(this.calendars, calendarId) ? this.calendars[calendarId] : undefined;
    if (!calendar) return `calendar "${calendarId}" is unknown`;
    try {
      return isWorkingTime(calendar, this.ticket.arrivedAt);
    } catch (error) {
      return `calendar "${calendarId}" cannot be used (${(error as Error).message})`;
    }
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
