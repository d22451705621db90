import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * One answer of the server, asked for again whenever `key` changes or on
 * `reload`: what it answered, whether a request is under way, and the words
 * of a failure. The answer already shown stays while the next is fetched
 * (a refresh dims it rather than blanking the screen); an answer to an
 * outdated request is dropped.
 */
export interface Fetched<T> {
  value: T | null;
  loading: boolean;
  error: string | null;
  /** When the value shown was received. */
  at: number | null;
  reload(): void;
}

export function useFetched<T>(key: string, fetch: () => Promise<T>): Fetched<T> {
  const [state, setState] = useState<{ key: string; value: T | null; at: number | null }>({ key, value: null, at: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  useEffect(() => {
    const mine = ++latest.current;
    setLoading(true);
    setError(null);
    fetchRef.current().then(
      (value) => {
        if (mine !== latest.current) return;
        setState({ key, value, at: Date.now() });
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== latest.current) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        setLoading(false);
      },
    );
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { value: state.value, loading, error, at: state.at, reload };
}
