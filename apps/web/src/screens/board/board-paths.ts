/** Where the board lives, and a ticket's live view in it (absolute: the same link works from every board screen). */
export const BOARD_PATH = '/app/board';

export function boardTicketPath(ticketId: string): string {
  return `${BOARD_PATH}/tickets/${encodeURIComponent(ticketId)}`;
}
