import { Route, Routes } from 'react-router';
import { BoardScreen } from './BoardScreen';
import { TicketLiveScreen } from './TicketLiveScreen';
import './board.css';

/** The supervisor's SLA board at /app/board, and a ticket's live workflow state at /app/board/tickets/:ticketId. */
export function BoardArea() {
  return (
    <Routes>
      <Route index element={<BoardScreen />} />
      <Route path="tickets/:ticketId" element={<TicketLiveScreen />} />
    </Routes>
  );
}
