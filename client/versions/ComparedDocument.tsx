import type { MetaField, Signatory } from '../../shared/declaration.ts';
import { wordRedline } from '../../shared/proposals/wordDiff.ts';
import { plain } from '../../shared/richText.ts';
import type { ClauseComparison, Comparison, FootnoteComparison, MetaComparison, SignatoryComparison } from '../../shared/versions/compare.ts';
import { t } from '../i18n.ts';
import { ComparedRedline, type AuthorOf } from './ComparedRedline.tsx';
import { clauseChangeWords, headingChanged, isChange } from './comparisonWords.ts';

/** A status change as a small chip: "Open → Agreed", in the colours of the status it came to. */
function StatusChange({ status }: { status: NonNullable<ClauseComparison['status']> }) {
  return (
    <span className={`cmp-status cmp-status--${status.to}`} data-testid="cmp-status">
      {t('versions.change.status', { from: t(`status.${status.from}`), to: t(`status.${status.to}`) })}
    </span>
  );
}

function ComparedClause({ row, authorOf, current }: { row: ClauseComparison; authorOf: AuthorOf; current: boolean }) {
  const label = row.toLabel ?? row.fromLabel ?? '';
  const kind = row.added ? 'added' : row.deleted ? 'deleted' : row.moved ? 'moved' : row.changed ? 'changed' : row.status ? 'status' : 'same';
  const mover = row.moved ? authorOf(row.movedBy) : null;
  const renumbered = !row.added && !row.deleted && !row.moved && row.fromLabel !== null && row.toLabel !== null && row.fromLabel !== row.toLabel;
  return (
    <div
      className={`cmp-clause cmp-clause--${row.kind} cmp-clause--depth-${row.depth} cmp-clause--${kind}${current ? ' is-current' : ''}`}
      data-testid="cmp-clause"
      data-key={`clause:${row.id}`}
      data-clause-id={row.id}
      data-label={label}
      data-change={kind}
      tabIndex={isChange(row) ? -1 : undefined}
      aria-label={isChange(row) ? t('versions.change.clause', { label, changes: clauseChangeWords(row).join(', ') }) : undefined}
    >
      <div className="cmp-clause__gutter">
        <span className="cmp-clause__label">{row.deleted ? <s>{label}</s> : label}</span>
      </div>
      {(row.added || row.deleted || row.moved || renumbered || row.status) && (
        <p className="cmp-clause__tags">
          {row.added && <span className="cmp-tag cmp-tag--added">{t('versions.tag.added')}</span>}
          {row.deleted && <span className="cmp-tag cmp-tag--deleted">{t('versions.tag.deleted')}</span>}
          {row.moved && (
            <span className="cmp-tag cmp-tag--moved" data-testid="cmp-moved" data-by={row.movedBy ?? undefined}>
              {t('versions.change.movedFrom', { label: row.fromLabel ?? '?' })}
              {mover && <span className="cmp-tag__by">{` · ${t('versions.change.movedBy', { name: mover.name })}`}</span>}
            </span>
          )}
          {renumbered && <span className="cmp-tag">{t('versions.change.renumbered', { label: row.fromLabel! })}</span>}
          {row.status && <StatusChange status={row.status} />}
        </p>
      )}
      {row.heading && (
        // Its heading (HEAD1) above its text, as a word redline when it changed (who wrote it the history does not say).
        <p className={`cmp-clause__heading redline${headingChanged(row) ? ' cmp-clause__heading--changed' : ''}`} data-testid="cmp-heading">
          <ComparedRedline redline={wordRedline(plain(row.heading.from), plain(row.heading.to))} authorOf={() => null} />
        </p>
      )}
      <p className="cmp-clause__text redline">
        <ComparedRedline redline={row.redline} authorOf={authorOf} />
      </p>
    </div>
  );
}

/** A footnote (FN1) as compared: its marker and its text, each a word redline; added or deleted whole. */
function ComparedFootnote({ row, authorOf }: { row: FootnoteComparison; authorOf: AuthorOf }) {
  const kind = row.added ? 'added' : row.deleted ? 'deleted' : row.changed ? 'changed' : 'same';
  return (
    <li className={`cmp-footnote cmp-footnote--${kind}`} data-testid="cmp-footnote" data-change={kind}>
      <span className="cmp-footnote__marker redline">
        <ComparedRedline redline={wordRedline(plain(row.marker.from), plain(row.marker.to))} authorOf={() => null} />
      </span>{' '}
      <span className="redline">
        <ComparedRedline redline={row.redline} authorOf={authorOf} />
      </span>
    </li>
  );
}

function ComparedMeta({ row, className, authorOf, current }: { row: MetaComparison | undefined; className: string; authorOf: AuthorOf; current: boolean }) {
  if (!row || row.redline.length === 0) return null;
  const changed = row.redline.some((s) => s.op !== 'equal');
  return (
    <div
      className={`cmp-meta cmp-meta--${row.field} ${className}${current ? ' is-current' : ''}`}
      data-key={`meta:${row.field}`}
      data-testid="cmp-meta"
      data-field={row.field}
      tabIndex={changed ? -1 : undefined}
    >
      <p className="redline">
        <ComparedRedline redline={row.redline} authorOf={authorOf} />
      </p>
    </div>
  );
}

/** One field of a signatory, as a word redline when it changed. */
function SignatoryField({ from, to, className }: { from: string; to: string; className: string }) {
  const redline = wordRedline(plain(from), plain(to));
  return (
    <span className={className}>
      <ComparedRedline redline={redline} authorOf={() => null} />
    </span>
  );
}

function ComparedSignatory({ row }: { row: SignatoryComparison }) {
  const from: Signatory = row.from ?? { id: row.id, order: '', name: '', title: '', state: '' };
  const to: Signatory = row.to ?? { id: row.id, order: '', name: '', title: '', state: '' };
  const kind = row.added ? 'added' : row.deleted ? 'deleted' : row.changed ? 'changed' : row.moved ? 'moved' : 'same';
  return (
    <li className={`signature cmp-signature cmp-signature--${kind}`} data-testid="cmp-signatory" data-change={kind}>
      <span className="signature__line" aria-hidden="true" />
      <SignatoryField from={from.name} to={to.name} className="signature__name" />
      <SignatoryField from={from.title} to={to.title} className="signature__title" />
      <SignatoryField from={from.state} to={to.state} className="signature__state" />
      {row.moved && <span className="cmp-tag cmp-tag--moved">{t('versions.tag.moved')}</span>}
    </li>
  );
}

/**
 * The comparison laid out as the document (CMP5): heading, chapeau,
 * preamble, formula, operative part, closing line, note, footnotes and
 * signatures, every clause of both sides where it stands (its heading
 * above it), each change in place.
 */
export function ComparedDocument({ comparison, authorOf, current }: { comparison: Comparison; authorOf: AuthorOf; current: string | null }) {
  const meta = new Map(comparison.meta.map((m) => [m.field, m]));
  const metaRow = (field: MetaField, className: string) => (
    <ComparedMeta key={field} row={meta.get(field)} className={className} authorOf={authorOf} current={current === `meta:${field}`} />
  );
  const preamble = comparison.clauses.filter((c) => c.kind === 'preamble');
  const operative = comparison.clauses.filter((c) => c.kind === 'operative');
  const clause = (row: ClauseComparison) => <ComparedClause key={row.id} row={row} authorOf={authorOf} current={current === `clause:${row.id}`} />;
  const signatoriesChanged = comparison.signatories.some((s) => s.added || s.deleted || s.changed || s.moved);
  return (
    <article className="version-doc cmp-doc" data-testid="comparison-document">
      <header className="version-doc__heading">
        {metaRow('conference', 'conference')}
        {metaRow('title', 'title')}
        {metaRow('subtitle', 'subtitle')}
      </header>
      {metaRow('chapeau', 'chapeau')}
      {preamble.map(clause)}
      {metaRow('formula', 'formula')}
      {operative.map(clause)}
      {metaRow('closing', 'closing')}
      {meta.get('note')?.redline.length ? (
        <footer className="version-doc__note">
          <span className="note-label">{t('meta.note.label')}</span>
          {metaRow('note', 'note')}
        </footer>
      ) : null}
      {comparison.footnotes.length > 0 && (
        <section
          className={`cmp-footnotes${current === 'footnotes' ? ' is-current' : ''}`}
          data-key="footnotes"
          data-testid="cmp-footnotes"
          tabIndex={comparison.footnotes.some((f) => f.changed) ? -1 : undefined}
          aria-label={t('versions.compare.footnotes')}
        >
          <ol className="cmp-footnotes__list">
            {comparison.footnotes.map((row) => (
              <ComparedFootnote key={row.id} row={row} authorOf={authorOf} />
            ))}
          </ol>
        </section>
      )}
      {comparison.signatories.length > 0 && (
        <section
          className={`signatures cmp-signatures${current === 'signatories' ? ' is-current' : ''}`}
          data-key="signatories"
          tabIndex={signatoriesChanged ? -1 : undefined}
          aria-label={t('versions.field.signatories')}
        >
          <ul className="signatures__grid">
            {comparison.signatories.map((row) => (
              <ComparedSignatory key={row.id} row={row} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
