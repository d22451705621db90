import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readSettings, type DeclarationSettings } from '../../shared/settings.ts';
import { readThread, type Thread } from '../../shared/comments/thread.ts';
import { commentAnchors, type CommentAnchor } from '../../shared/document/commentMark.ts';
import { ROOT } from '../../shared/document/names.ts';
import { useRootMap } from '../collab/useRootMap.ts';

function readThreads(map: Y.Map<unknown>): Map<string, Thread> {
  const threads = new Map<string, Thread>();
  map.forEach((value, id) => {
    const thread = readThread(value);
    if (thread) threads.set(id, thread);
  });
  return threads;
}

/** The threads as the server mirrors them, live. */
export function useThreads(doc: Y.Doc): Map<string, Thread> {
  return useRootMap(doc, ROOT.comments, readThreads);
}

/** The declaration's settings as the server mirrors them, live. */
export function useSettings(doc: Y.Doc): DeclarationSettings {
  return useRootMap(doc, ROOT.settings, readSettings);
}

/** How long typing may go on before anchors are looked up again: a keystroke should not cost a walk over every clause. */
const ANCHOR_DELAY_MS = 120;

function sameAnchors(a: Map<string, CommentAnchor>, b: Map<string, CommentAnchor>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, anchor] of a) {
    const other = b.get(id);
    if (!other || other.clauseId !== anchor.clauseId || other.text !== anchor.text) return false;
  }
  return true;
}

/** Where each thread's passage is in the text now, recomputed shortly after the text changes. */
export function useAnchors(doc: Y.Doc): Map<string, CommentAnchor> {
  const [anchors, setAnchors] = useState(() => commentAnchors(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      timer ??= setTimeout(() => {
        timer = null;
        const next = commentAnchors(doc);
        // Typing changes the document all the time, anchors rarely: keep the
        // same map unless they moved, so that clause rows need not re-render.
        setAnchors((current) => (sameAnchors(current, next) ? current : next));
      }, ANCHOR_DELAY_MS);
    };
    doc.on('update', update);
    setAnchors(commentAnchors(doc));
    return () => {
      doc.off('update', update);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return anchors;
}
