/** Placeholder: the Rollouts area's screens (its own routes below /app/rollouts). */
export function RolloutsArea() {
  return (
    <section className="page">
      <h1>Rollouts</h1>
    </section>
  );
}
