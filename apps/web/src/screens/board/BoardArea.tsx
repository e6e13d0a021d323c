/** Placeholder: the Board area's screens (its own routes below /app/board). */
export function BoardArea() {
  return (
    <section className="page">
      <h1>Board</h1>
    </section>
  );
}
