import { useState, type Ref, type TextareaHTMLAttributes } from 'react';
import type { SourceRun } from '../../shared/import/parsedDraft.ts';
import { keepFormatting } from './keepFormatting.ts';

/**
 * A text box of the import preview that shows the source's italics and bold
 * it keeps (IMP8, IMP6) and stays an ordinary text box for editing: while
 * it is not focused, the text is drawn formatted (`<em>`, `<strong>`) over
 * the box, whose own letters are then transparent; focused, the box shows
 * its plain text and caret as any other. The formatted face is in the
 * layout flow (the box lies over it), so the box is as tall as the text
 * and never scrolls away from it. Clicks go through the face to the box;
 * the face is hidden from assistive technology, which reads the box.
 * Without marks it is a plain textarea.
 */
export function FormattedBox({
  value,
  runs,
  boxRef,
  ...box
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value'> & { value: string; runs: readonly SourceRun[] | undefined; boxRef?: Ref<HTMLTextAreaElement> }) {
  const [focused, setFocused] = useState(false);
  const shown = runsFor(runs, value);
  if (!shown) return <textarea {...box} value={value} ref={boxRef} />;
  return (
    <span className={`formatted-box${focused ? ' formatted-box--editing' : ''}`}>
      <span className="formatted-box__face" aria-hidden="true" data-testid="import-formatted">
        {shown.map((run, k) => (
          <Run key={k} run={run} />
        ))}
        {/* A last line that ends with a line break still has its height. */}
        {'\u200b'}
      </span>
      <textarea
        {...box}
        value={value}
        ref={boxRef}
        className={`formatted-box__input${box.className ? ` ${box.className}` : ''}`}
        onFocus={(e) => {
          setFocused(true);
          box.onFocus?.(e);
        }}
        onBlur={(e) => {
          setFocused(false);
          box.onBlur?.(e);
        }}
      />
    </span>
  );
}

function Run({ run }: { run: SourceRun }) {
  if (run.italic && run.bold) {
    return (
      <strong>
        <em>{run.text}</em>
      </strong>
    );
  }
  if (run.italic) return <em>{run.text}</em>;
  if (run.bold) return <strong>{run.text}</strong>;
  return <>{run.text}</>;
}

/** The runs drawn for `value`: as they are when they spell it, else re-aligned to it (keepFormatting.ts); none without a mark. */
function runsFor(runs: readonly SourceRun[] | undefined, value: string): readonly SourceRun[] | undefined {
  if (!runs || runs.length === 0) return undefined;
  const fitting = runs.map((run) => run.text).join('') === value ? runs : keepFormatting(runs, value);
  return fitting?.some((run) => run.italic === true || run.bold === true) ? fitting : undefined;
}
