import { viewValue, type InboxView } from './inbox-params';
import type { TicketQueue } from './use-ticket-queues';

/** The inbox's views as tabs: my tickets, each of my groups' queues, all the tickets I may see. */
export function InboxViews({ current, queues, onSelect }: { current: InboxView; queues: TicketQueue[]; onSelect(view: InboxView): void }) {
  const views: Array<{ view: InboxView; label: string }> = [
    { view: { kind: 'mine' }, label: 'My tickets' },
    ...queues.filter((queue) => queue.member).map((queue) => ({ view: { kind: 'queue', groupId: queue.id } as InboxView, label: `${queue.name} queue` })),
    { view: { kind: 'all' }, label: 'All tickets' },
  ];
  // A queue opened from a link (a group the person is not a member of) still shows as the current view.
  if (current.kind === 'queue' && !views.some((entry) => viewValue(entry.view) === viewValue(current))) {
    const queue = queues.find((candidate) => candidate.id === current.groupId);
    views.splice(views.length - 1, 0, { view: current, label: `${queue?.name ?? 'Group'} queue` });
  }
  return (
    <div className="inbox-views" role="group" aria-label="Views">
      {views.map(({ view, label }) => {
        const selected = viewValue(view) === viewValue(current);
        return (
          <button key={viewValue(view)} type="button" className={selected ? undefined : 'secondary'} aria-pressed={selected} onClick={() => onSelect(view)}>
            {label}
          </button>
        );
      })}
    </div>
  );
}
