import type { CombinedError } from 'urql';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface EditorActionsProps {
  /** What the editor saves, as its buttons name it ("rule" → "Create rule" / "Save rule"). */
  thing: string;
  /** Editing a saved one (Save and Cancel) rather than creating one (Create). */
  editing: boolean;
  /** The save's refusal, if any. */
  error?: CombinedError;
  /** Saving is on its way, or the form cannot be read yet. */
  disabled: boolean;
  onCancel(): void;
}

/** The foot of an admin editor: the refusal of the last save, then Create (or Save and Cancel). */
export function EditorActions({ thing, editing, error, disabled, onCancel }: EditorActionsProps) {
  return (
    <>
      {error && <ErrorNotice error={error} />}
      <div className="row">
        <button type="submit" disabled={disabled}>
          {editing ? `Save ${thing}` : `Create ${thing}`}
        </button>
        {editing && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
