/** Placeholder: the Admin area's screens (its own routes below /app/admin). */
export function AdminArea() {
  return (
    <section className="page">
      <h1>Admin</h1>
    </section>
  );
}
