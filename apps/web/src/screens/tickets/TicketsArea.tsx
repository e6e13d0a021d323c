/** Placeholder: the Tickets area's screens (its own routes below /app/tickets). */
export function TicketsArea() {
  return (
    <section className="page">
      <h1>Tickets</h1>
    </section>
  );
}
