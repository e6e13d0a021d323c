import type { PortalMessageAuthor } from '../gql/schema-types';
import { formatWhen } from '../lib/format-when';

interface Message {
  id: string;
  author: PortalMessageAuthor;
  body: string;
  createdAt: string;
}

const AUTHOR: Record<PortalMessageAuthor, string> = { CUSTOMER: 'You', SUPPORT: 'Support team' };

/** The request's public conversation, oldest first: what the customer first wrote, then every public message. */
export function RequestConversation({ description, createdAt, messages }: { description: string; createdAt: string; messages: Message[] }) {
  const all: Message[] = [{ id: 'first', author: 'CUSTOMER', body: description, createdAt }, ...messages];
  return (
    <section className="portal-section" aria-labelledby="portal-conversation-title">
      <h2 id="portal-conversation-title">Conversation</h2>
      <ol className="portal-conversation">
        {all.map((message) => (
          <li key={message.id} className={`portal-message portal-message-${message.author.toLowerCase()}`}>
            <p className="portal-message-meta">
              <strong>{AUTHOR[message.author]}</strong> <span className="muted">· {formatWhen(message.createdAt)}</span>
            </p>
            <p className="portal-message-body">{message.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
