import type { Redline as RedlineData } from '../../shared/proposals/wordDiff.ts';
import type { RichText } from '../../shared/richText.ts';
import { t } from '../i18n.ts';

function Runs({ runs }: { runs: RichText }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: React.ReactNode = run.text;
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
            <span className="sr-only">[{t('proposals.inserted')}: </span>
            <Runs runs={segment.runs} />
            <span className="sr-only">]</span>
          </ins>
        ) : segment.op === 'delete' ? (
          <del key={i} className="redline__del">
            <span className="sr-only">[{t('proposals.deleted')}: </span>
            <Runs runs={segment.runs} />
            <span className="sr-only">]</span>
          </del>
        ) : (
          <Runs key={i} runs={segment.runs} />
        ),
      )}
    </p>
  );
}
