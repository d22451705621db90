import { useId, useState, type ReactNode } from 'react';

/**
 * A focusable item with a tooltip shown on hover and on keyboard focus,
 * dismissed by Escape (WCAG 1.4.13): a native `title` shows on neither
 * focus nor touch. The tooltip's words describe the item to screen readers
 * whether shown or not. `content` runs on each render, showing included,
 * so relative times ("10 min ago") are as of the hover.
 */
export function Tip({
  className,
  label,
  content,
  children,
  style,
  testId,
  data,
}: {
  className: string;
  /** The item's accessible name. */
  label: string;
  content(): ReactNode;
  children: ReactNode;
  style?: React.CSSProperties;
  testId: string;
  data?: Record<string, string>;
}) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <span className="tip" onMouseEnter={() => setShown(true)} onMouseLeave={() => setShown(false)}>
      <button
        type="button"
        className={className}
        style={style}
        aria-label={label}
        aria-describedby={id}
        onFocus={() => setShown(true)}
        onBlur={() => setShown(false)}
        // A tap shows it too, on screens without hover.
        onClick={() => setShown((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && shown) {
            event.stopPropagation();
            setShown(false);
          }
        }}
        data-testid={testId}
        {...Object.fromEntries(Object.entries(data ?? {}).map(([key, value]) => [`data-${key}`, value]))}
      >
        {children}
      </button>
      <span role="tooltip" id={id} className="tip__box" hidden={!shown} data-testid={`${testId}-tooltip`}>
        {content()}
      </span>
    </span>
  );
}
