import { Route, Routes } from 'react-router';
import { InboxScreen } from './InboxScreen';
import { TicketScreen } from './TicketScreen';
import './tickets.css';

/** The agent inbox (/app/tickets) and one ticket (/app/tickets/:ticketId). */
export function TicketsArea() {
  return (
    <Routes>
      <Route index element={<InboxScreen />} />
      <Route path=":ticketId" element={<TicketScreen />} />
    </Routes>
  );
}
