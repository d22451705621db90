import { useMemo } from 'react';
import * as Y from 'yjs';
import type { MetaField as MetaFieldName } from '../../shared/declaration.ts';
import { ROOT } from '../../shared/document/names.ts';
import { LazyEditor } from '../editor/LazyEditor.tsx';
import { StaticRichText } from '../editor/StaticRichText.tsx';
import { t } from '../i18n.ts';
import { useDeclarationContext } from './declarationContext.ts';
import { conventionsOf } from '../../shared/declarationLanguage.ts';
import { useDeclarationLanguage } from './useDeclarationLanguage.ts';

/** A part of the heading or the closing note, edited like a clause but not numbered. */
export function MetaField({ field, className }: { field: MetaFieldName; className: string }) {
  const { collab, focus, canEditMeta, me, beforeRemoteChange } = useDeclarationContext();
  const fragment = useMemo(() => {
    const value = collab.doc.getMap<unknown>(ROOT.meta).get(field);
    return value instanceof Y.XmlFragment ? value : null;
  }, [collab.doc, field]);
  const language = useDeclarationLanguage(collab.doc);
  // The formula's example is the declaration's own ("Declaran:"), whatever the screen's language (DL4).
  const placeholder = field === 'formula' ? t('declarationLanguage.formulaPlaceholder', { formula: conventionsOf(language).formula }) : t(`meta.${field}.placeholder`);
  if (!fragment) return <StaticRichText text={[]} className={className} placeholder={placeholder} />;
  return (
    <div className={`meta meta--${field}`} data-testid={`meta-${field}`}>
      <LazyEditor
        fragment={fragment}
        provider={collab.provider}
        user={me}
        editable={canEditMeta}
        placeholder={placeholder}
        label={placeholder}
        className={className}
        beforeRemoteChange={beforeRemoteChange}
        focusKey={`meta:${field}`}
        focus={focus}
      />
    </div>
  );
}
