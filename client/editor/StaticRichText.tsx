import { withBrackets } from '../../shared/brackets/withBrackets.ts';
import type { RichText } from '../../shared/richText.ts';

/** Rich text without an editor: for clauses off screen and for readers, footnote markers raised; `brackets` (offsets in the text) are printed as bold `[` `]` (BRK3). */
export function StaticRichText({
  text: plain,
  className,
  placeholder,
  brackets,
}: {
  text: RichText;
  className?: string;
  placeholder?: string;
  brackets?: readonly { start: number; end: number }[];
}) {
  const text = brackets && brackets.length > 0 ? withBrackets(plain, brackets) : plain;
  if (text.length === 0) return <p className={`${className ?? ''} is-empty-static`} data-placeholder={placeholder} />;
  return (
    <p className={className}>
      {text.map((run, i) => {
        let node: React.ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        // A footnote's marker, as the editor draws it (client/editor/footnoteMark.ts).
        if (run.footnote !== undefined)
          node = (
            <sup className="footnote-ref" data-footnote={run.footnote}>
              {node}
            </sup>
          );
        return run.comments?.length ? (
          <span key={i} className="comment-anchor" data-threads={run.comments.join(' ')}>
            {node}
          </span>
        ) : (
          <span key={i}>{node}</span>
        );
      })}
    </p>
  );
}
