import { useEffect, type RefObject } from 'react';

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
