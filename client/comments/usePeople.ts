import { useEffect, useState } from 'react';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { commentsApi } from './commentsApi.ts';

/** Everyone taking part (names, roles, colours; no links): for mentions and the "by delegation" filter. */
export function usePeople(declarationId: string): ParticipantInfo[] {
  const [people, setPeople] = useState<ParticipantInfo[]>([]);
  useEffect(() => {
    let live = true;
    commentsApi.people(declarationId).then(
      (answer) => live && setPeople(answer.people),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [declarationId]);
  return people;
}
