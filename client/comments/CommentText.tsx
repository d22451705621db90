import { segmentMentions, type Mentionable } from '../../shared/comments/mentions.ts';

/**
 * A comment's words as text: React escapes them, so markup or a script in a
 * comment shows as what it is. Mentions are set apart.
 */
export function CommentText({ body, people, me }: { body: string; people: readonly Mentionable[]; me: string }) {
  return (
    <p className="comment__body">
      {segmentMentions(body, people).map((segment, i) =>
        'mention' in segment ? (
          <span key={i} className={`mention${segment.mention.id === me ? ' mention--me' : ''}`}>
            {segment.text}
          </span>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
