/** A padlock drawn here: emoji fonts are missing on many conference laptops. */
export function LockIcon() {
  return (
    <svg className="status-chip__icon" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
      <rect x="2" y="5.5" width="8" height="6" rx="1" fill="currentColor" />
      <path d="M3.8 5.5V4a2.2 2.2 0 0 1 4.4 0v1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}
