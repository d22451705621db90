import { useEffect, useState, type RefObject } from 'react';

/**
 * Closes a menu on a press anywhere outside it, as menus do. `ignore` names
 * the button that toggles it when that button is outside `box` (a press there
 * toggles it already).
 */
export function useDismiss(box: RefObject<HTMLElement | null>, onClose: (() => void) | null, ignore?: string): void {
  useEffect(() => {
    if (!onClose) return;
    const onDown = (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      if (box.current?.contains(target) || (ignore && target.closest(ignore))) return;
      onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [box, onClose, ignore]);
}

/**
 * Gives the focus back, when a menu, panel or form closes, to the control
 * that had it when it opened — its button, a clause's chip (KEY4) — so that
 * Escape leaves a keyboard user where they were, not at the top of the page.
 * Call it in the component that exists only while open. A close by a press
 * elsewhere leaves the focus where that press put it; only a focus that
 * went down with the closed part (to the page itself) is given back.
 */
export function useReturnFocus(): void {
  // Read while rendering the first time: the opener still has the focus then (an autoFocus inside takes it later).
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));
  // An entry of the top bar's "More" menu (LAY2) is gone once the menu closed: its "More" button stands for it.
  const [menuButton] = useState(() => (opener?.closest('.more-menu')?.parentElement?.querySelector<HTMLElement>('.topbar__more') ?? null));
  useEffect(
    () => () => {
      // After the closed part has left the page: a focus inside it has fallen to the body by now.
      queueMicrotask(() => {
        const fallen = document.activeElement === null || document.activeElement === document.body;
        if (!fallen || !opener || opener === document.body) return;
        if (opener.isConnected) opener.focus();
        else if (menuButton?.isConnected) menuButton.focus();
      });
    },
    [opener, menuButton],
  );
}
