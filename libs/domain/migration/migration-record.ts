import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../tickets/ticket-fields.js';
import { TICKET_STATUSES } from '../tickets/ticket-status.js';
import { TICKET_TYPES } from '../tickets/ticket-type.js';

/** The source systems an export can come from. */
export const SOURCE_SYSTEMS = ['zendesk', 'freshdesk', 'csv'] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

/** The kinds of record the help desk imports; `other` is read and counted but never imported (schedules, SLA policies, …). */
export const RECORD_TYPES = ['organization', 'customer', 'ticket', 'message', 'article', 'other'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export type ImportedType = Exclude<RecordType, 'other'>;
export const IMPORTED_TYPES = RECORD_TYPES.filter((type): type is ImportedType => type !== 'other');

/** One record as a source adapter read it: raw fields, where it was, and why it could not be read if it could not. */
export interface SourceRecord {
  type: RecordType;
  /** The source's id; for a row that could not be parsed, its line number. */
  sourceId: string;
  fields: Record<string, unknown>;
  /** 1-based line (CSV, NDJSON) or index in its array (JSON) — where an operator finds it. */
  line: number;
  /** Set when the adapter could not read the record: it is rejected with this reason. */
  unreadable?: { reason: RejectReason; detail: string };
  /** The stream or file it came from (e.g. `tickets`), kept for reports. */
  stream?: string;
}

/** Why a record was rejected: stable codes the report and the rejects table carry. */
export const REJECT_REASONS = [
  'malformed_row',
  'invalid_encoding',
  'missing_required',
  'unmapped_value',
  'invalid_date',
  'invalid_value',
  'missing_requester',
  'unresolved_reference',
  'conflict',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The values a target field accepts, for the fields that take one of a fixed set. */
export const TARGET_VALUES = {
  status: TICKET_STATUSES,
  priority: TICKET_PRIORITIES,
  channel: TICKET_CHANNELS,
  ticketType: TICKET_TYPES,
  authorType: ['agent', 'customer'],
  articleStatus: ['draft', 'published', 'archived'],
  audience: ['internal', 'public'],
} as const;

/** A record mapped onto the target schema: the values of the target fields, plus references still in source ids. */
export interface MappedRecord {
  type: ImportedType;
  sourceId: string;
  values: Record<string, string | number | boolean | string[] | null>;
  customFields: Record<string, string>;
  /** Epoch ms the source last changed the record (delta runs skip what has not changed since). */
  sourceUpdatedAt: number | null;
}
