import { useEffect, useId, useRef } from 'react';

interface ConfirmDialogProps {
  title: string;
  /** What happens if the operator goes ahead. */
  consequence: string;
  confirmLabel: string;
  /** The way out, saying what stays as it is. */
  cancelLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onClose(): void;
}

/** A modal question before a step that is hard to undo (the browser's <dialog>: focus trapped, Escape closes). */
export function ConfirmDialog({ title, consequence, confirmLabel, cancelLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="card confirm-dialog" aria-labelledby={titleId} aria-describedby={textId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <p id={textId}>{consequence}</p>
      <div className="row">
        <button type="button" className={danger ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onClose} autoFocus>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
