import { useEffect } from 'react';

/**
 * Edits the server has not confirmed yet (typed offline on the conference
 * Wi-Fi, say) live only in this tab: closing or reloading it would lose
 * them. While there are any, the browser asks before the tab goes, in its
 * own words (a page cannot set them). Once everything is saved, it does not.
 */
export function useWarnBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
