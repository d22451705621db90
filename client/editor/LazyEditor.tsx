import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { RichText } from '../../shared/richText.ts';
import { clauseOfBody } from '../brackets/clauseOfBody.ts';
import { useClauseBrackets } from '../brackets/useBrackets.ts';
import { useFragmentText } from '../collab/useFragmentText.ts';
import type { FocusHandle, FocusRegistry } from './focusRegistry.ts';
import { RichEditor, type RichEditorProps } from './RichEditor.tsx';
import { StaticRichText } from './StaticRichText.tsx';

/**
 * A clause's editor, mounted only while the clause is on or near the screen
 * (or focused, or about to be): a 200-clause declaration opens with a dozen
 * editors, not 200. Off screen, the clause is plain live text.
 */
const NEAR_SCREEN = '600px 0px';

export interface LazyEditorProps extends Omit<RichEditorProps, 'registerFocus' | 'onFocusChange'> {
  focusKey: string;
  focus: FocusRegistry;
  onFocusChange?: (focused: boolean) => void;
}

function StaticFragment({ fragment, className, placeholder, clauseId }: { fragment: Y.XmlFragment; className: string; placeholder: string; clauseId: string | null }) {
  const text = useFragmentText(fragment);
  return (
    <div className={className}>
      {clauseId && fragment.doc ? (
        <StaticClauseText text={text} placeholder={placeholder} doc={fragment.doc} clauseId={clauseId} />
      ) : (
        <StaticRichText text={text} placeholder={placeholder} />
      )}
    </div>
  );
}

/** A clause's text off screen, with its square brackets (BRK3). */
function StaticClauseText({ text, placeholder, doc, clauseId }: { text: RichText; placeholder: string; doc: Y.Doc; clauseId: string }) {
  const { list } = useClauseBrackets(doc, clauseId);
  return <StaticRichText text={text} placeholder={placeholder} brackets={list.map((b) => b.range)} />;
}

export function LazyEditor(props: LazyEditorProps) {
  const { focusKey, focus, onFocusChange, ...editorProps } = props;
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [focused, setFocused] = useState(false);
  // A focus request mounts the editor; it stays mounted until the caret has
  // come and gone, even if the request is served before the clause is seen.
  const [held, setHeld] = useState(false);
  const requested = useSyncExternalStore(
    (listener) => focus.subscribe(focusKey, listener),
    () => focus.hasRequest(focusKey),
  );

  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { rootMargin: NEAR_SCREEN });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const registerFocus = useCallback((handle: FocusHandle) => focus.register(focusKey, handle), [focus, focusKey]);
  useEffect(() => {
    if (requested) setHeld(true);
  }, [requested]);
  const mounted = near || focused || requested || held;
  const bracketsOf = useMemo(() => clauseOfBody(editorProps.fragment, focusKey), [editorProps.fragment, focusKey]);
  return (
    <div
      ref={box}
      className="lazy-editor"
      data-mounted={mounted ? 'true' : 'false'}
      // Names the clause or field the caret is in, for the undo history (useUndoRedo).
      data-focus-key={focusKey}
      onMouseDown={(event) => {
        if (mounted) return;
        // The editor takes the caret once mounted; the browser's own reaction
        // to the press would otherwise move focus to the page and lose it.
        event.preventDefault();
        focus.focus(focusKey, { x: event.clientX, y: event.clientY });
      }}
    >
      {mounted ? (
        <RichEditor
          {...editorProps}
          bracketsOf={bracketsOf}
          registerFocus={registerFocus}
          onFocusChange={(value) => {
            setFocused(value);
            if (!value) setHeld(false);
            onFocusChange?.(value);
          }}
        />
      ) : (
        <StaticFragment fragment={editorProps.fragment} className={`ProseMirror ${editorProps.className ?? ''}`} placeholder={editorProps.placeholder} clauseId={bracketsOf} />
      )}
    </div>
  );
}
