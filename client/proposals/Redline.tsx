import type { Redline as RedlineData } from '../../shared/proposals/wordDiff.ts';
import type { RichText } from '../../shared/richText.ts';
import { messageParts } from '../chrome/messageParts.tsx';

/** "[inserted: …]" around a change, the words for screen readers only; the translation places the brackets and the colon. */
function spoken(key: 'proposals.inserted' | 'proposals.deleted', runs: React.ReactNode) {
  return messageParts(key, { text: runs }).map((part, i) => (typeof part === 'string' ? <span key={i} className="sr-only">{part}</span> : part));
}

function Runs({ runs }: { runs: RichText }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: React.ReactNode = run.text;
        // A footnote's marker, raised as the editor draws it (client/editor/footnoteMark.ts, FN2).
        if (run.footnote !== undefined)
          node = (
            <sup className="footnote-ref" data-footnote={run.footnote}>
              {node}
            </sup>
          );
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

/**
 * A word redline as the room reads it (PROP4): inserted words underlined in
 * the proposer's colour, deleted words struck through, the rest as it is.
 * Underline and strike-through carry the meaning, not colour alone, and a
 * screen reader hears "inserted" and "deleted" before each change.
 */
export function Redline({ redline, color, className }: { redline: RedlineData; color: string; className?: string }) {
  return (
    <p className={`redline ${className ?? ''}`} style={{ '--proposer-color': color } as React.CSSProperties} data-testid="redline">
      {redline.map((segment, i) =>
        segment.op === 'insert' ? (
          <ins key={i} className="redline__ins">
            {spoken('proposals.inserted', <Runs runs={segment.runs} />)}
          </ins>
        ) : segment.op === 'delete' ? (
          <del key={i} className="redline__del">
            {spoken('proposals.deleted', <Runs runs={segment.runs} />)}
          </del>
        ) : (
          <Runs key={i} runs={segment.runs} />
        ),
      )}
    </p>
  );
}
