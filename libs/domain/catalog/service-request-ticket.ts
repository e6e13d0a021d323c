import { TICKET_LIMITS } from '../tickets/ticket-fields.js';
import type { FormField, RequestValues } from './catalog-item.js';

/** A service request's subject: the service and the item asked for, e.g. "Laptop: New laptop". */
export function serviceRequestSubject(serviceName: string, itemName: string): string {
  return `${serviceName}: ${itemName}`.slice(0, TICKET_LIMITS.subjectMaxLength);
}

/** A service request's description: the item asked for, then each value given, labelled, in the form's order. */
export function serviceRequestDescription(itemName: string, fields: readonly FormField[], values: RequestValues): string {
  const lines = fields.filter((field) => values[field.name] !== undefined).map((field) => `${field.label}: ${values[field.name]}`);
  return [`Requested: ${itemName}`, ...lines].join('\n').slice(0, TICKET_LIMITS.descriptionMaxLength);
}
