/** A full-page message: a link that does not work, a declaration not found, the landing page. */
export function MessageScreen({ title, body, action }: { title: string; body: string; action?: { label: string; run(): void } }) {
  return (
    <main className="message-screen" data-testid="message-screen">
      <h1>{title}</h1>
      <p>{body}</p>
      {action && (
        <button type="button" className="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </main>
  );
}
