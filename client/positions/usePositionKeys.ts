import { useEffect } from 'react';

/**
 * Ctrl+Alt+P (⌘+Alt+P) in a clause's text opens that clause's position menu
 * (POS1), as Ctrl+Alt+M opens a comment: the menu is the clause's own, so
 * the shortcut presses its button.
 */
export function usePositionKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyP') return;
      const clause = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-clause-id]');
      const button = clause?.querySelector<HTMLButtonElement>('[data-testid=position-button]');
      if (!button) return;
      event.preventDefault();
      button.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
