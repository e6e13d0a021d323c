import { formatWhen } from '../../lib/format-when';
import type { TicketDetail } from './ticket-query';

/** The description and every message, oldest first; internal notes look (and say) they are not for the customer. */
export function Conversation({ ticket }: { ticket: TicketDetail }) {
  return (
    <section className="card" aria-labelledby="conversation-title">
      <h2 id="conversation-title">Conversation</h2>
      <ol className="conversation">
        <li className="message message-customer">
          <p className="message-meta">
            <strong>{ticket.requesterEmail}</strong> <span className="muted">wrote on {formatWhen(ticket.createdAt)}</span>
          </p>
          <p className="message-body">{ticket.description}</p>
        </li>
        {ticket.messages.map((message) => {
          const kind = message.authorType !== 'agent' ? 'customer' : message.isPublic ? 'public' : 'internal';
          const author = message.authorType !== 'agent' ? ticket.requesterEmail : (message.authorName ?? 'An agent');
          return (
            <li key={message.id} className={`message message-${kind}`}>
              <p className="message-meta">
                <strong>{author}</strong>{' '}
                {kind === 'internal' && <span className="badge badge-warn">Internal note</span>}
                {kind === 'public' && <span className="badge badge-info">Public reply</span>} <span className="muted">{formatWhen(message.createdAt)}</span>
              </p>
              <p className="message-body">{message.body}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
