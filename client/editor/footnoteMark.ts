import { Mark, mergeAttributes } from '@tiptap/core';
import { FOOTNOTE_MARK } from '../../shared/document/names.ts';

/**
 * A footnote reference (shared/document/names.ts FOOTNOTE_MARK): the
 * marker's characters ("1", "*") carry the footnote's id and print as a
 * superscript. Typing at its edge does not extend it — the words after a
 * marker are not part of it — and it is never parsed from pasted HTML: a
 * copied marker does not make a second reference to the same note.
 */
export const FootnoteMark = Mark.create({
  name: FOOTNOTE_MARK,
  inclusive: false,
  addAttributes() {
    return {
      id: {
        default: '',
        renderHTML: (attributes: { id?: string }) => ({ 'data-footnote': attributes.id ?? '' }),
      },
    };
  },
  parseHTML() {
    return [];
  },
  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { class: 'footnote-ref' }), 0];
  },
});
