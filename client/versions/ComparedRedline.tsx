import { Fragment } from 'react';
import type { RichText } from '../../shared/richText.ts';
import type { AttributedRedline, AttributedSegment } from '../../shared/versions/compare.ts';
import { t } from '../i18n.ts';

/** Who made a change, as the screen shows it: a name and a colour; null when the server cannot know (CMP3). */
export interface Author {
  name: string;
  color: string;
}
export type AuthorOf = (by: string | null | undefined) => Author | null;

/** The neutral colour of a change whose author is not recorded. */
export const UNKNOWN_COLOR = '#55565e';

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

/** "Inserted by Chile", "Deleted — author not recorded": what hovering a change says, and what a screen reader hears. */
export function changeWords(segment: AttributedSegment, author: Author | null): string {
  const inserted = segment.op === 'insert';
  if (!author) return t(inserted ? 'versions.change.insertedUnknown' : 'versions.change.deletedUnknown');
  return t(inserted ? 'versions.change.insertedBy' : 'versions.change.deletedBy', { name: author.name });
}

/**
 * A redline of a comparison (CMP5): inserted words underlined in the colour
 * of whoever made them, deleted words struck through with a hint of it,
 * the rest as it reads. Each change carries who made it (`data-by`), which
 * the comparison view shows on hover; a screen reader hears it before the
 * words.
 */
export function ComparedRedline({ redline, authorOf }: { redline: AttributedRedline; authorOf: AuthorOf }) {
  return (
    <>
      {redline.map((segment, i) => {
        if (segment.op === 'equal') return <Runs key={i} runs={segment.runs} />;
        const author = authorOf(segment.by);
        const words = changeWords(segment, author);
        const Tag = segment.op === 'insert' ? 'ins' : 'del';
        // The words for screen readers stand beside the change, not in it: the change's box is then only its words, for the pointer too.
        return (
          <Fragment key={i}>
            <span className="sr-only">[{words}: </span>
            <Tag
              className={`redline__${segment.op === 'insert' ? 'ins' : 'del'} cmp-change`}
              style={{ '--proposer-color': author?.color ?? UNKNOWN_COLOR } as React.CSSProperties}
              data-change={segment.op}
              data-by={author?.name ?? ''}
              data-words={words}
            >
              <Runs runs={segment.runs} />
            </Tag>
            <span className="sr-only">]</span>
          </Fragment>
        );
      })}
    </>
  );
}
