import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';
import { readSilenceProcedure, SILENCE_KEY, type SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';

/** The running or last silence procedure, live from the server-written `silence` map (SIL3). */
export function useSilence(doc: Y.Doc): SilenceProcedure | null {
  const [procedure, setProcedure] = useState<SilenceProcedure | null>(null);
  useEffect(() => {
    const map = doc.getMap<unknown>(ROOT.silence);
    const update = () => setProcedure(readSilenceProcedure(map.get(SILENCE_KEY)));
    map.observe(update);
    update();
    return () => map.unobserve(update);
  }, [doc]);
  return procedure;
}

/** The time now, once a second while `running`: for a countdown. */
export function useClock(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
