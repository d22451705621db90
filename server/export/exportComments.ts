import { commentTime, commentWords, quotedPassage } from '../../shared/commentWords.ts';
import type { Thread } from '../../shared/comments/thread.ts';
import { threadClause } from '../../shared/comments/threadClause.ts';
import type { CommentAnchor } from '../../shared/document/commentMark.ts';
import type { DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { readingOrder, type ExportInput } from './exportInput.ts';
import { cleanText } from './printableText.ts';

/**
 * The comment threads a negotiation text files with the clauses (docs/SPEC.md
 * EXP16), as lines every format prints alike: under each clause its threads
 * in the order they were started, each a heading line (who opened it, when,
 * open or resolved by whom and when), the passage it is on, then each
 * comment with its author and time and its text. Threads whose clause is no
 * longer in the text are printed at the end, under a heading of their own,
 * so that the record is whole. Every participant reads every thread (COM7),
 * so an observer's file holds them all too.
 *
 * Text passes through cleanText like everything printed (EXP6): a comment's
 * line breaks print as spaces.
 */
export interface CommentLine {
  /** "Chile, 3 December 2026 at 14:05 UTC (edited …)". */
  by: string;
  /** The comment's text, or the words for a deleted comment. */
  text: string;
  deleted: boolean;
}

export interface ThreadLines {
  id: string;
  /** "Comment thread opened by Chile on … — open" / "— resolved by Argentina on …". */
  heading: string;
  /** "On the passage “…”", or null for a thread on the whole clause. */
  passage: string | null;
  resolved: boolean;
  comments: CommentLine[];
}

export interface ExportComments {
  /** clause id → its threads, oldest first. */
  byClause: ReadonlyMap<string, ThreadLines[]>;
  /** Threads on clauses no longer in the text. */
  elsewhere: ThreadLines[];
  /** The heading of `elsewhere`, in the declaration's language. */
  elsewhereHeading: string;
}

function threadLines(language: DeclarationLanguage, thread: Thread): ThreadLines {
  const words = commentWords(language);
  const when = (ms: number) => commentTime(language, ms);
  return {
    id: thread.id,
    heading: words.thread(cleanText(thread.author), when(thread.at), thread.resolved ? { by: cleanText(thread.resolved.by), when: when(thread.resolved.at) } : null),
    passage: thread.anchor === 'passage' && thread.quote.trim() !== '' ? quotedPassage(language, cleanText(thread.quote).trim()) : null,
    resolved: thread.resolved !== null,
    comments: thread.comments.map((comment) => ({
      by: words.comment(cleanText(comment.author), when(comment.at), comment.editedAt === undefined ? null : when(comment.editedAt)),
      text: comment.deleted ? words.deletedComment : cleanText(comment.body).trim(),
      deleted: comment.deleted === true,
    })),
  };
}

/**
 * The threads (oldest first, as `listThreads` gives them) placed under the
 * clauses of `input`, each on the clause it sits on now (`threadClause`:
 * `anchors` are the marks of the document `input` was read from).
 */
export function exportComments(input: ExportInput, threads: readonly Thread[], anchors: ReadonlyMap<string, CommentAnchor>): ExportComments {
  const inText = new Set(readingOrder(input).map((clause) => clause.id));
  const byClause = new Map<string, ThreadLines[]>();
  const elsewhere: ThreadLines[] = [];
  for (const thread of threads) {
    const lines = threadLines(input.language, thread);
    const clauseId = threadClause(thread, anchors);
    if (inText.has(clauseId)) byClause.set(clauseId, [...(byClause.get(clauseId) ?? []), lines]);
    else elsewhere.push(lines);
  }
  return { byClause, elsewhere, elsewhereHeading: commentWords(input.language).elsewhereHeading };
}

/** A clause's threads in a file made with them; none otherwise (and never in the clean text, which the API refuses). */
export function threadsOf(input: ExportInput, clauseId: string): ThreadLines[] {
  return input.comments?.byClause.get(clauseId) ?? [];
}
