/** The outcome of the last save, announced politely (role status); nothing when there is none. */
export function StatusNotice({ message }: { message?: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && <p className="notice notice-ok">{message}</p>}
    </div>
  );
}
