import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { readRichText } from '../../shared/document/richTextFragment.ts';
import type { RichText } from '../../shared/richText.ts';

/** The live text of one fragment, for showing a clause without an editor. */
export function useFragmentText(fragment: Y.XmlFragment | null): RichText {
  const [text, setText] = useState<RichText>(() => (fragment ? readRichText(fragment) : []));
  useEffect(() => {
    if (!fragment) return;
    const update = () => setText(readRichText(fragment));
    update();
    fragment.observeDeep(update);
    return () => fragment.unobserveDeep(update);
  }, [fragment]);
  return text;
}
