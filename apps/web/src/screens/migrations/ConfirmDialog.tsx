import { useEffect, useId, useRef } from 'react';

interface ConfirmDialogProps {
  title: string;
  /** What happens if the operator goes ahead. */
  consequence: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onClose(): void;
}

/** A modal question before a step that changes the run (the browser's <dialog>: focus trapped, Escape closes). */
export function ConfirmDialog({ title, consequence, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="card migrations-dialog" aria-labelledby={titleId} aria-describedby={textId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <p id={textId}>{consequence}</p>
      <div className="row">
        <button type="button" className={danger ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onClose} autoFocus>
          Keep the run as it is
        </button>
      </div>
    </dialog>
  );
}
