/** Placeholder: the customer portal (its own routes below /portal; no login). */
export function PortalArea() {
  return (
    <main className="page">
      <h1>Help center</h1>
    </main>
  );
}
