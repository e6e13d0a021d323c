import { TARGET_VALUES, type ImportedType } from './migration-record.js';

export type TargetFieldKind = 'text' | 'date' | 'list' | 'boolean' | 'reference' | keyof typeof TARGET_VALUES;

export interface TargetField {
  kind: TargetFieldKind;
  required?: boolean;
}

/**
 * The fields each imported type has in the help desk, what they hold and which are required. A mapping is checked
 * against this before anything is written; `reference` fields hold a source id resolved through the id map.
 */
export const TARGET_SCHEMA: Record<ImportedType, Record<string, TargetField>> = {
  organization: {
    name: { kind: 'text', required: true },
    domains: { kind: 'list' },
    tier: { kind: 'text' },
    updatedAt: { kind: 'date' },
  },
  customer: {
    email: { kind: 'text', required: true },
    name: { kind: 'text' },
    organizationId: { kind: 'reference' },
    updatedAt: { kind: 'date' },
  },
  ticket: {
    subject: { kind: 'text', required: true },
    description: { kind: 'text', required: true },
    requesterEmail: { kind: 'text' },
    requesterId: { kind: 'reference' },
    organizationId: { kind: 'reference' },
    status: { kind: 'status', required: true },
    priority: { kind: 'priority', required: true },
    channel: { kind: 'channel', required: true },
    /** question, incident, problem, service_request or task; empty: the channel's default type, chosen when written. */
    type: { kind: 'ticketType' },
    /** An incident's problem: another ticket of the export (Zendesk's `problem_id`), linked as tickets.problem_id. */
    problemId: { kind: 'reference' },
    tags: { kind: 'list' },
    createdAt: { kind: 'date', required: true },
    updatedAt: { kind: 'date' },
    /** When a done ticket was solved and closed: its resolution time in reports (never guessed from createdAt). */
    solvedAt: { kind: 'date' },
    closedAt: { kind: 'date' },
    /** When the old help desk first answered: reports use it for a ticket whose replies were not imported. */
    firstReplyAt: { kind: 'date' },
  },
  message: {
    ticketId: { kind: 'reference', required: true },
    body: { kind: 'text', required: true },
    authorType: { kind: 'authorType', required: true },
    isPublic: { kind: 'boolean', required: true },
    createdAt: { kind: 'date', required: true },
  },
  article: {
    title: { kind: 'text', required: true },
    body: { kind: 'text', required: true },
    tags: { kind: 'list' },
    status: { kind: 'articleStatus', required: true },
    audience: { kind: 'audience', required: true },
    createdAt: { kind: 'date' },
    updatedAt: { kind: 'date' },
  },
};

/** The values a field of a fixed set accepts, or null for free fields. */
export function allowedValues(field: TargetField): readonly string[] | null {
  return field.kind in TARGET_VALUES ? TARGET_VALUES[field.kind as keyof typeof TARGET_VALUES] : null;
}
