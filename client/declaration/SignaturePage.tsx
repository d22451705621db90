import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { Signatory } from '../../shared/declaration.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { ROOT } from '../../shared/document/names.ts';
import { t } from '../i18n.ts';

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

/** The signature blocks, one per signatory: name, title, state. */
export function SignaturePage({ doc }: { doc: Y.Doc }) {
  const signatories = useSignatories(doc);
  return (
    <section className="signatures" aria-label={t('part.signatures')} data-testid="signatures">
      <h2 className="part-heading">{t('part.signatures')}</h2>
      {signatories.length === 0 ? (
        <p className="empty">{t('signatures.empty')}</p>
      ) : (
        <ul className="signatures__grid">
          {signatories.map((s) => (
            <li key={s.id} className="signature" data-testid="signatory">
              <span className="signature__line" aria-hidden="true" />
              <span className="signature__name">{s.name}</span>
              <span className="signature__title">{s.title}</span>
              <span className="signature__state">{s.state}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
