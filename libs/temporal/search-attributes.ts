import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Custom search attributes, so supervisors can list workflows by lifecycle state in the Temporal UI and CLI.
// Pure definitions: the ticket workflow imports them, so nothing here may do I/O.
export const TICKET_STATUS_ATTRIBUTE = defineSearchAttributeKey('HelpdeskTicketStatus', SearchAttributeType.KEYWORD);
export const TICKET_PRIORITY_ATTRIBUTE = defineSearchAttributeKey('HelpdeskTicketPriority', SearchAttributeType.KEYWORD);

export const HELPDESK_SEARCH_ATTRIBUTES = [TICKET_STATUS_ATTRIBUTE, TICKET_PRIORITY_ATTRIBUTE];
