import { TICKET_CHANNELS, TICKET_LIMITS, TICKET_PRIORITIES } from '../tickets/ticket-fields.js';
import { TICKET_TYPES } from '../tickets/ticket-type.js';
import { findNestedQuantifier } from './nested-quantifier.js';
import { hasCriteria, normalizeCriteria } from './routing-criteria.js';
import {
  ARRIVAL_WINDOWS,
  KEYWORD_MAX_LENGTH,
  MAX_KEYWORDS,
  PATTERN_MAX_LENGTH,
  PRIORITY_ADJUSTMENT_MAX,
  SKILL_LEVEL_MAX,
  SKILL_LEVEL_MIN,
  type RoutingCriteria,
  type RoutingRule,
} from './routing-rule.js';

export const ROUTING_CRITERIA_KEYS = [
  'channels',
  'requesterEmails',
  'requesterDomains',
  'organizationIds',
  'customerTiers',
  'priorities',
  'ticketTypes',
  'fields',
  'keywords',
  'pattern',
  'arrival',
  'calendarId',
] as const satisfies readonly (keyof RoutingCriteria)[];

export const NO_CRITERIA = "A rule needs at least one criterion; a catch-all is the fallback queue's job.";

/** The groups and calendars that exist, for checking what a rule refers to. */
export interface RoutingReferences {
  groupIds: ReadonlySet<string>;
  calendarIds: ReadonlySet<string>;
}

// Rules arrive from an admin UI as JSON, so every part is checked as `unknown` rather than trusted to its type.
type Loose = Record<string, unknown>;

/** Everything wrong with a routing rule, as sentences for the admin who wrote it; empty when it can be saved. */
export function validateRoutingRule(r: Omit<RoutingRule, 'id'>, known: RoutingReferences): string[] {
  const rule = r as unknown as Loose;
  return [
    ...(typeof rule.name === 'string' && rule.name.trim() !== '' ? [] : ['The rule needs a name.']),
    ...positionProblems(rule.position),
    ...criteriaProblems(rule.criteria, known),
    ...resultProblems(rule.result, known),
  ];
}

function positionProblems(position: unknown): string[] {
  if (Number.isInteger(position) && (position as number) >= 0) return [];
  return [`Position must be a whole number, 0 or more (rules are tried lowest first); got ${show(position)}.`];
}

function criteriaProblems(criteria: unknown, known: RoutingReferences): string[] {
  if (!isObject(criteria)) return ['Criteria must be an object, e.g. { channels: ["email"] }.'];
  const problems: string[] = [];
  for (const key of Object.keys(criteria)) {
    if (!(ROUTING_CRITERIA_KEYS as readonly string[]).includes(key)) {
      problems.push(`Criteria: "${key}" is not a criterion; use ${ROUTING_CRITERIA_KEYS.join(', ')}.`);
    }
  }
  const c = criteria as Partial<Record<(typeof ROUTING_CRITERIA_KEYS)[number], unknown>>;
  problems.push(
    ...enumProblems('channels', c.channels, TICKET_CHANNELS),
    ...emailProblems(c.requesterEmails),
    ...domainProblems(c.requesterDomains),
    ...stringListProblems('organizationIds', c.organizationIds),
    ...stringListProblems('customerTiers', c.customerTiers),
    ...enumProblems('priorities', c.priorities, TICKET_PRIORITIES),
    ...enumProblems('ticketTypes', c.ticketTypes, TICKET_TYPES),
    ...fieldProblems(c.fields),
    ...keywordProblems(c.keywords),
    ...patternProblems(c.pattern),
    ...arrivalProblems(c.arrival, c.calendarId, known),
  );
  if (!hasCriteria(normalizeCriteria(criteria as RoutingCriteria)) && Object.entries(c).every(isEmptyCriterion)) {
    problems.push(NO_CRITERIA);
  }
  return problems;
}

/** Absent or empty, so not a criterion; calendarId and unknown keys never are one. A malformed value is not empty. */
function isEmptyCriterion([key, value]: [string, unknown]): boolean {
  if (key === 'calendarId' || !(ROUTING_CRITERIA_KEYS as readonly string[]).includes(key)) return true;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return true;
  return key === 'fields' && isObject(value) && Object.values(value).every((v) => Array.isArray(v) && v.length === 0);
}

/** A list of non-empty strings, or a message; absent is fine. */
function stringListProblems(key: string, values: unknown): string[] {
  if (values === undefined) return [];
  if (Array.isArray(values) && values.every((v) => typeof v === 'string' && v.trim() !== '')) return [];
  return [`Criteria: ${key} must be a list of non-empty strings.`];
}

function enumProblems(key: string, values: unknown, allowed: readonly string[]): string[] {
  const problems = stringListProblems(key, values);
  if (problems.length > 0 || values === undefined) return problems;
  return (values as string[])
    .filter((value) => !allowed.includes(value))
    .map((value) => `Criteria: "${value}" is not one of the ${key}; use ${allowed.join(', ')}.`);
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const LOCAL_PART = /^[^\s@"(),:;<>[\\\]]+$/;

function emailProblems(values: unknown): string[] {
  const problems = stringListProblems('requesterEmails', values);
  if (problems.length > 0 || values === undefined) return problems;
  for (const email of values as string[]) {
    const at = email.lastIndexOf('@');
    const looksValid =
      email.length <= TICKET_LIMITS.emailMaxLength &&
      at > 0 &&
      LOCAL_PART.test(email.slice(0, at)) &&
      DOMAIN.test(email.slice(at + 1).toLowerCase());
    if (!looksValid) problems.push(`Criteria: "${email}" is not an email address like ana@example.com.`);
    else if (email !== email.toLowerCase()) {
      problems.push(`Criteria: requester email "${email}" must be written in lowercase ("${email.toLowerCase()}").`);
    }
  }
  return problems;
}

function domainProblems(values: unknown): string[] {
  const problems = stringListProblems('requesterDomains', values);
  if (problems.length > 0 || values === undefined) return problems;
  for (const domain of values as string[]) {
    if (domain.startsWith('@') && DOMAIN.test(domain.slice(1).toLowerCase())) {
      const bare = domain.slice(1).toLowerCase();
      problems.push(`Criteria: requester domain "${domain}" must be written without the "@" ("${bare}").`);
    } else if (!DOMAIN.test(domain.toLowerCase())) {
      problems.push(`Criteria: "${domain}" is not a domain name like example.com.`);
    } else if (domain !== domain.toLowerCase()) {
      problems.push(`Criteria: requester domain "${domain}" must be written in lowercase ("${domain.toLowerCase()}").`);
    }
  }
  return problems;
}

function fieldProblems(fields: unknown): string[] {
  if (fields === undefined) return [];
  if (!isObject(fields)) {
    return ['Criteria: fields must be an object of allowed values by form field, e.g. { product: ["X"] }.'];
  }
  const problems: string[] = [];
  for (const [name, values] of Object.entries(fields)) {
    if (name.trim() === '') problems.push('Criteria: a form field name must not be empty.');
    else problems.push(...stringListProblems(`fields.${name}`, values));
  }
  return problems;
}

function keywordProblems(keywords: unknown): string[] {
  if (keywords === undefined) return [];
  if (!Array.isArray(keywords)) return ['Criteria: keywords must be a list of words or phrases.'];
  const problems: string[] = [];
  if (keywords.length > MAX_KEYWORDS) {
    problems.push(`Criteria: a rule can have at most ${MAX_KEYWORDS} keywords; this one has ${keywords.length}.`);
  }
  keywords.forEach((keyword: unknown, index) => {
    if (typeof keyword !== 'string' || keyword.trim() === '') {
      problems.push(`Criteria: keyword ${index + 1} is empty; a keyword is a word or phrase.`);
    } else if (keyword.trim().length > KEYWORD_MAX_LENGTH) {
      const [start, length] = [`${keyword.trim().slice(0, 30)}…`, keyword.trim().length];
      const limit = `at most ${KEYWORD_MAX_LENGTH} are allowed`;
      problems.push(`Criteria: keyword "${start}" is ${length} characters long; ${limit}.`);
    }
  });
  return problems;
}

function patternProblems(pattern: unknown): string[] {
  if (pattern === undefined) return [];
  if (typeof pattern !== 'string') return ['Criteria: pattern must be a regular expression, written as a string.'];
  if (pattern.length > PATTERN_MAX_LENGTH) {
    return [`Criteria: the pattern is ${pattern.length} characters long; at most ${PATTERN_MAX_LENGTH} are allowed.`];
  }
  try {
    new RegExp(pattern, 'i');
  } catch (error) {
    return [`Criteria: the pattern is not a valid regular expression: ${(error as Error).message}.`];
  }
  const nested = findNestedQuantifier(pattern);
  if (nested === null) return [];
  return [
    `Criteria: the pattern repeats a group that itself repeats ("${nested}"), which can take exponential time on ` +
      'some texts and stall routing; rewrite it without the nested repeat, e.g. (a+)+ as a+.',
  ];
}

function arrivalProblems(arrival: unknown, calendarId: unknown, known: RoutingReferences): string[] {
  if (arrival === undefined) {
    if (calendarId === undefined) return [];
    return [
      'Criteria: calendarId only applies together with arrival (business_hours or after_hours); ' +
        'set arrival or remove it.',
    ];
  }
  if (!(ARRIVAL_WINDOWS as readonly unknown[]).includes(arrival)) {
    return [`Criteria: arrival must be ${ARRIVAL_WINDOWS.join(' or ')}; got ${show(arrival)}.`];
  }
  if (typeof calendarId !== 'string' || calendarId.trim() === '') {
    return [
      `Criteria: arrival ${arrival} needs a calendarId, the business calendar whose working hours it is judged by.`,
    ];
  }
  if (!known.calendarIds.has(calendarId)) return [`Criteria: calendar "${calendarId}" does not exist.`];
  return [];
}

function resultProblems(result: unknown, known: RoutingReferences): string[] {
  if (!isObject(result)) return ['The result must be { groupId, requiredSkills, priorityAdjustment, tags }.'];
  const problems: string[] = [];
  const { groupId, requiredSkills, priorityAdjustment, tags } = result;
  if (typeof groupId !== 'string' || groupId.trim() === '') {
    problems.push('The rule must route to a group: set result.groupId.');
  } else if (!known.groupIds.has(groupId)) {
    problems.push(`Group "${groupId}" does not exist.`);
  }
  problems.push(...skillProblems(requiredSkills));
  const max = PRIORITY_ADJUSTMENT_MAX;
  if (!Number.isInteger(priorityAdjustment) || Math.abs(priorityAdjustment as number) > max) {
    problems.push(
      `The priority adjustment must be a whole number of steps from -${max} to ${max} (0 keeps the ticket's ` +
        `priority); got ${show(priorityAdjustment)}.`,
    );
  }
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' && tag.trim() !== '')) {
    problems.push('Tags must be a list of non-empty strings, or [] for none.');
  }
  return problems;
}

function skillProblems(skills: unknown): string[] {
  if (!Array.isArray(skills)) return ['Required skills must be a list of { skill, minLevel }, or [] for none.'];
  const problems: string[] = [];
  const seen = new Set<string>();
  skills.forEach((entry: unknown, index) => {
    if (!isObject(entry) || typeof entry.skill !== 'string' || entry.skill.trim() === '') {
      problems.push(`Required skill ${index + 1} must be { skill, minLevel } with a skill name.`);
      return;
    }
    const { skill, minLevel } = entry;
    if (seen.has(skill)) problems.push(`Required skill "${skill}" is listed more than once.`);
    seen.add(skill);
    const level = minLevel as number;
    if (!Number.isInteger(level) || level < SKILL_LEVEL_MIN || level > SKILL_LEVEL_MAX) {
      const range = `${SKILL_LEVEL_MIN} to ${SKILL_LEVEL_MAX}`;
      problems.push(`Required skill "${skill}": minLevel must be a whole number from ${range}; got ${show(minLevel)}.`);
    }
  });
  return problems;
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
