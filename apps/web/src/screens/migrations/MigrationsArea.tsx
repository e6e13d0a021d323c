/** Placeholder: the Migrations area's screens (its own routes below /app/migrations). */
export function MigrationsArea() {
  return (
    <section className="page">
      <h1>Migrations</h1>
    </section>
  );
}
