import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { mayBracket, mayRemoveBrackets } from '../../shared/brackets/bracketRules.ts';
import { ApiError } from '../api.ts';
import { useSettings } from '../comments/useThreads.ts';
import { useDeclarationContext } from '../declaration/declarationContext.ts';
import { t } from '../i18n.ts';
import { onBracketEvent } from './bracketEvents.ts';
import { clausePlainText, relativePassageToBracket } from './bracketPassage.ts';
import { forgetRestoredDeletion } from './forgetRestoredDeletion.ts';
import { BracketPopover, type ShownBracket } from './BracketPopover.tsx';
import { bracketsApi } from './bracketsApi.ts';
import { useClauseBrackets } from './useBrackets.ts';

/** A refusal this recent answers the latest step of this screen's history (the server answers within a round trip; clocks differ a little). */
const RECENT_REFUSAL_MS = 60_000;

const messageOf = (failure: unknown) => (failure instanceof ApiError || failure instanceof Error ? failure.message : String(failure));

/**
 * A clause's square brackets, in its gutter under the status: the count
 * ("2 [ ]", BRK3), which opens who asked for them. It also answers the
 * clause's editor and its Brackets button (BracketButton.tsx): Ctrl+Alt+B
 * or the button ask the server for brackets (BRK1), a click on a bracket
 * says who asked.
 */
export function ClauseBrackets({ clauseId, label, open }: { clauseId: string; label: string; /** The clause is open: brackets may be put (BRK1). */ open: boolean }) {
  const { collab, me, declarationId, notify, refused, focus } = useDeclarationContext();
  const doc = collab.doc;
  const { list } = useClauseBrackets(doc, clauseId);
  const settings = useSettings(doc);
  const mayAsk = mayBracket(me.role);
  // One request at a time: a second Ctrl+Alt+B while the first is on its way would ask twice.
  const busy = useRef(false);
  // What the popover shows: every bracket of the clause, or the one clicked; and where the focus goes back to.
  const [popover, setPopover] = useState<{ only: string | null; returnTo: HTMLElement | null } | null>(null);
  const [said, setSaid] = useState('');
  const countButton = useRef<HTMLButtonElement>(null);

  const ask = useCallback(
    async (passage: { from: Y.RelativePosition; to: Y.RelativePosition } | null) => {
      if (!mayAsk) return notify(t('brackets.notAllowed'));
      if (!open) return notify(t('brackets.notOpen', { label }));
      if (passage === null) return notify(t('brackets.selectFirst', { label }));
      if (busy.current) return;
      busy.current = true;
      try {
        await bracketsApi.bracket(declarationId, () => relativePassageToBracket(doc, clauseId, passage.from, passage.to));
        setSaid(t('brackets.done', { label }));
      } catch (failure) {
        notify(t('brackets.failed', { message: messageOf(failure) }));
      } finally {
        busy.current = false;
      }
    },
    [mayAsk, open, label, declarationId, doc, clauseId, notify],
  );

  useEffect(
    () =>
      onBracketEvent(clauseId, (event) => {
        if (event.type === 'bracket') void ask(event.passage);
        else setPopover({ only: event.bracketId, returnTo: document.activeElement instanceof HTMLElement ? document.activeElement : null });
      }),
    [clauseId, ask],
  );

  const returnTo = useRef<HTMLElement | null>(null);
  returnTo.current = popover?.returnTo ?? null;
  const close = useCallback(() => {
    // Back where the focus was: the count, or the clause's editor; to the clause when that is gone (the last brackets removed).
    const target = returnTo.current?.isConnected ? returnTo.current : countButton.current?.isConnected ? countButton.current : null;
    setPopover(null);
    if (target) target.focus();
    else focus.focus(clauseId, 'end');
  }, [focus, clauseId]);

  const text = popover ? (clausePlainText(doc, clauseId) ?? '') : '';
  const shown: ShownBracket[] = popover
    ? list.filter(({ bracket }) => popover.only === null || bracket.id === popover.only).map(({ bracket, range }) => ({ bracket, range, passage: text.slice(range.start, range.end) }))
    : [];
  // Brackets removed while the popover is open: nothing left to show.
  useEffect(() => {
    if (popover && shown.length === 0) close();
  }, [popover, shown.length, close]);

  const remove = async (bracketId: string) => {
    try {
      await bracketsApi.remove(declarationId, bracketId);
      setSaid(t('brackets.removed', { label }));
    } catch (failure) {
      notify(t('brackets.removeFailed', { message: messageOf(failure) }));
    }
  };

  // BRK4: a deletion of mine that the server undid must not come back with Ctrl+Z, or the passage would read twice.
  const refusedHere = refused.byClause.get(clauseId);
  const handled = useRef<Set<string> | null>(null);
  useEffect(() => {
    const changes = refusedHere ?? [];
    if (handled.current === null) {
      // Refusals already there when the screen opened were made in another visit, with another history.
      handled.current = new Set(changes.map((change) => change.id));
      return;
    }
    for (const change of changes) {
      if (handled.current.has(change.id)) continue;
      handled.current.add(change.id);
      if (change.reason === 'brackets' && Math.abs(Date.now() - change.at) < RECENT_REFUSAL_MS) forgetRestoredDeletion(collab.history.latest(), collab.doc, clauseId);
    }
  }, [refusedHere, collab, clauseId]);

  const count = list.length;
  return (
    <span className="clause-brackets" data-testid="clause-brackets" data-count={count}>
      {count > 0 && (
        <button
          ref={countButton}
          type="button"
          className="bracket-count"
          aria-expanded={popover !== null}
          aria-haspopup="dialog"
          onClick={() => (popover ? close() : setPopover({ only: null, returnTo: countButton.current }))}
          title={t('brackets.countTitle', { count, label })}
          aria-label={t('brackets.countTitle', { count, label })}
          data-testid="bracket-count"
        >
          {count} <strong aria-hidden="true">[ ]</strong>
        </button>
      )}
      {popover && shown.length > 0 && (
        <BracketPopover label={label} shown={shown} mayRemove={mayRemoveBrackets(me.role, settings)} onRemove={remove} onClose={close} />
      )}
      <span className="sr-only" role="status">
        {said}
      </span>
    </span>
  );
}
