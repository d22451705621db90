import { useEffect, useRef } from 'react';

/**
 * The keys of a view over the whole page (a version as it was, a
 * comparison), taken on the window before anything else sees them: the
 * view's keys work wherever the focus is — also when the element that had
 * it went away (a change no longer listed after a filter) — and the page
 * beneath (the proposals' Alt+PageDown, the editors) does not see a key the
 * view took. `onKey` answers whether it took the key.
 */
export function useOverlayKeys(onKey: (event: KeyboardEvent) => boolean): void {
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !latest.current(event)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}

/**
 * Keeps the focus inside a view over the whole page (a modal dialog): Tab
 * past its last control, or a click on nothing, would otherwise land in
 * the page hidden beneath it.
 */
export function useKeepFocusIn(box: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const element = box.current;
      if (element && event.target instanceof Node && !element.contains(event.target)) element.focus({ preventScroll: true });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [box]);
}
