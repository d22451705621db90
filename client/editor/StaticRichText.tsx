import type { RichText } from '../../shared/richText.ts';

/** Rich text without an editor: for clauses off screen and for readers. */
export function StaticRichText({ text, className, placeholder }: { text: RichText; className?: string; placeholder?: string }) {
  if (text.length === 0) return <p className={`${className ?? ''} is-empty-static`} data-placeholder={placeholder} />;
  return (
    <p className={className}>
      {text.map((run, i) => {
        let node: React.ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
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
