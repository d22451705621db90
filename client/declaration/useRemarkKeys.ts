import { useEffect } from 'react';

/**
 * Ctrl+Alt+R (⌘+Alt+R) in a clause's text takes the keyboard to that
 * clause's drafting remarks (DRAFT10): the first Dismiss button, else the
 * dismissed ones' disclosure. Tab cannot get there from the text, where it
 * indents the clause. Escape there gives the caret back (ClauseRemarks).
 */
export function useRemarkKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyR') return;
      const clause = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-clause-id]');
      const target = clause?.querySelector<HTMLElement>('[data-testid=remark-dismiss], [data-testid=dismissed-remarks] summary');
      if (!target) return;
      event.preventDefault();
      target.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
