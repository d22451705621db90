import type * as Y from 'yjs';
import { readDeclarationLanguage, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { ROOT } from '../../shared/document/names.ts';
import { useRootMap } from '../collab/useRootMap.ts';

/** The declaration's language as the server mirrors it (DL2): the formula's placeholder and the sub-item markers follow it, not the screen's language. */
export function useDeclarationLanguage(doc: Y.Doc): DeclarationLanguage {
  return useRootMap(doc, ROOT.settings, readDeclarationLanguage);
}
