import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Signatory } from '../../shared/declaration.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { addSignatory, removeSignatory, setSignatoryField, type SignatoryField } from '../../shared/document/signatoryOps.ts';
import { STRUCTURE_ORIGIN, TYPING_ORIGIN } from '../collab/origins.ts';
import { t } from '../i18n.ts';
import { DeclarationContext, useDeclarationContext } from './declarationContext.ts';

function useSignatories(doc: Y.Doc): Signatory[] {
  const [signatories, setSignatories] = useState(() => readDeclaration(doc).signatories);
  useEffect(() => {
    const map = doc.getMap(ROOT.signatories);
    const update = () => setSignatories(readDeclaration(doc).signatories);
    map.observeDeep(update);
    update();
    return () => map.unobserveDeep(update);
  }, [doc]);
  return signatories;
}

const FIELDS: SignatoryField[] = ['name', 'title', 'state'];

/**
 * One field of a signature block. It takes part in the declaration's undo
 * history like a clause: its edits carry TYPING_ORIGIN, Ctrl+Z here undoes
 * the history (data-focus-key, useUndoRedo), and an undo of a change here
 * brings the caret back to it (the focus registry).
 */
function SignatoryInput({ doc, signatory, field }: { doc: Y.Doc; signatory: Signatory; field: SignatoryField }) {
  const { focus } = useDeclarationContext();
  const ref = useRef<HTMLTextAreaElement>(null);
  const focusKey = `signatory:${signatory.id}:${field}`;
  useLayoutEffect(
    () =>
      focus.register(focusKey, {
        focus: () => {
          const element = ref.current;
          if (!element) return;
          element.focus();
          element.setSelectionRange(element.value.length, element.value.length);
        },
        passage: () => null,
      }),
    [focus, focusKey],
  );
  return (
    // A textarea sized to its content: titles run over two lines on paper too.
    <textarea
      ref={ref}
      rows={1}
      className={`signature__${field} signature__input`}
      value={signatory[field]}
      placeholder={t(`signatures.${field}`)}
      aria-label={t(`signatures.${field}`)}
      data-focus-key={focusKey}
      onChange={(event) => setSignatoryField(doc, signatory.id, field, event.target.value.replace(/\n/g, ' '), TYPING_ORIGIN)}
      onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
    />
  );
}

/**
 * The signature blocks, one per signatory: name, title, state. The chair and
 * the secretariat edit them in place. Deleting one is one undo step, offered
 * back in a notice naming it (LOSS1); a new one takes the caret in its name
 * (KEY5), so the next key types the name rather than pressing the button again.
 */
export function SignaturePage({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const signatories = useSignatories(doc);
  // The reading and room views show the page without an editing context: only an editable page needs one.
  const context = useContext(DeclarationContext);
  const remove = (signatory: Signatory) => {
    if (!context) return removeSignatory(doc, signatory.id, STRUCTURE_ORIGIN);
    const { notify, collab } = context;
    const before = collab.history.latest();
    removeSignatory(doc, signatory.id, STRUCTURE_ORIGIN);
    const latest = collab.history.latest();
    const deletion = latest !== before ? latest : null;
    const name = signatory.name.trim();
    // Its Undo takes back this deletion, even after later edits and deletions, which stay.
    notify(name ? t('signatures.deleted', { name }) : t('signatures.deletedUnnamed'), { label: t('clause.undo'), run: () => deletion && collab.history.undoStep(deletion) });
  };
  return (
    <section className="signatures" aria-label={t('part.signatures')} data-testid="signatures">
      <h2 className="part-heading">{t('part.signatures')}</h2>
      {signatories.length === 0 && <p className="empty">{t('signatures.empty')}</p>}
      <ul className="signatures__grid">
        {signatories.map((s) => (
          <li key={s.id} className="signature" data-testid="signatory">
            <span className="signature__line" aria-hidden="true" />
            {editable ? (
              <>
                {FIELDS.map((field) => (
                  <SignatoryInput key={field} doc={doc} signatory={s} field={field} />
                ))}
                <button type="button" className="signature__remove" onClick={() => remove(s)} data-testid="remove-signatory" aria-label={t('signatures.remove', { name: s.name })}>
                  ✕
                </button>
              </>
            ) : (
              <>
                <span className="signature__name">{s.name}</span>
                <span className="signature__title">{s.title}</span>
                <span className="signature__state">{s.state}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <button type="button" className="add-clause" onClick={() => {
            const id = addSignatory(doc, STRUCTURE_ORIGIN);
            context?.focus.focus(`signatory:${id}:name`, 'end');
          }} data-testid="add-signatory">
          + {t('signatures.add')}
        </button>
      )}
    </section>
  );
}
