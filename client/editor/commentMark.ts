import { Mark, mergeAttributes } from '@tiptap/core';
import { COMMENT_MARK } from '../../shared/document/commentMark.ts';

/**
 * The anchor of comment threads in a clause's text (shared/document/commentMark.ts).
 * It carries only thread ids; whether a passage is highlighted depends on
 * its threads (open, resolved, chosen), which a stylesheet decides
 * (client/comments/CommentHighlights.tsx). Typing at its edge does not
 * extend it, and it is never parsed from pasted HTML: a copied passage does
 * not take its threads along.
 */
export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  inclusive: false,
  addAttributes() {
    return {
      threads: {
        default: '',
        renderHTML: (attributes: { threads?: string }) => ({ 'data-threads': attributes.threads ?? '' }),
      },
    };
  },
  parseHTML() {
    return [];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'comment-anchor' }), 0];
  },
});
