import { badgeClass, humanize, statusTone } from './run-view';

/** A run's status as a coloured badge ("awaiting approval"). */
export function RunStatusBadge({ status }: { status: string }) {
  return <span className={badgeClass(statusTone(status))}>{humanize(status)}</span>;
}
