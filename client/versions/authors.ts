import type { ParticipantInfo } from '../../shared/roles.ts';
import type { AttributedRedline } from '../../shared/versions/compare.ts';
import { t } from '../i18n.ts';
import { UNKNOWN_COLOR, type AuthorOf } from './ComparedRedline.tsx';

/**
 * Names and colours of the participants a comparison or a history names by
 * id (CMP3): the participant's own colour, as on their caret and chips. An
 * id the list does not know (a participant removed since) still reads as a
 * person; null is a change the server cannot attribute.
 */
export function authorsOf(people: readonly ParticipantInfo[]): AuthorOf {
  const byId = new Map(people.map((p) => [p.id, { name: p.name, color: p.color }]));
  return (by) => (by === null || by === undefined ? null : (byId.get(by) ?? { name: t('versions.formerParticipant'), color: UNKNOWN_COLOR }));
}

/** The names of whoever made the changes of a redline, each once, in order; "author not recorded" for unattributed ones. */
export function authorNames(redline: AttributedRedline, authorOf: AuthorOf): string[] {
  const names: string[] = [];
  for (const segment of redline) {
    if (segment.op === 'equal') continue;
    const name = authorOf(segment.by)?.name ?? t('versions.authorUnknown');
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
