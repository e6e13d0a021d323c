interface MoveButtonsProps {
  /** The row's name, for the buttons' accessible names ("Move Billing up"). */
  name: string;
  index: number;
  count: number;
  /** A move is on its way. */
  disabled: boolean;
  onMove(step: -1 | 1): void;
}

/** Up and down arrows of an ordered admin list (routing rules, SLA policies: the first that matches wins). */
export function MoveButtons({ name, index, count, disabled, onMove }: MoveButtonsProps) {
  return (
    <>
      <button type="button" className="secondary" aria-label={`Move ${name} up`} disabled={index === 0 || disabled} onClick={() => onMove(-1)}>
        ↑
      </button>
      <button type="button" className="secondary" aria-label={`Move ${name} down`} disabled={index === count - 1 || disabled} onClick={() => onMove(1)}>
        ↓
      </button>
    </>
  );
}
