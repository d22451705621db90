import { useCallback, useState } from 'react';

/** Where this browser remembers Follow the chair (ROOM4): per browser, for every declaration. */
const KEY = 'consenso.followChair';

function remembered(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    // Storage refused (a private window's policy, say): the choice lasts as long as the page.
    return false;
  }
}

/** Follow the chair, on or off, remembered by this browser. */
export function useFollowChair(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(remembered);
  const set = useCallback((value: boolean) => {
    setOn(value);
    try {
      window.localStorage.setItem(KEY, value ? 'on' : 'off');
    } catch {
      // See remembered().
    }
  }, []);
  return [on, set];
}
