import type { ClauseLock } from '../../shared/clauseLock.ts';
import type { ClauseStatus } from '../../shared/clauseStatus.ts';
import { t } from '../i18n.ts';
import { when, whenInSentence } from '../time.ts';

/**
 * What the screen says about a locked clause (docs/SPEC.md UI12, UI13). The
 * lock itself comes from the one rule, `clauseLocks` of shared/clauseLock.ts;
 * these only put it into words.
 */
export interface LockedClause {
  /** The locked clause's label: OP12(a). */
  label: string;
  lock: ClauseLock;
  /** The label of the clause whose agreement locks it: OP12 (its own label when agreed itself). */
  agreedLabel: string;
  /** The status of that clause: who agreed it, and when. */
  agreed: ClauseStatus;
}

/** Said once, next to the clause, when someone types into it (UI12). */
export function typedIntoLocked(locked: LockedClause, mayReopen: boolean): string {
  const { label, lock, agreedLabel, agreed } = locked;
  const values = { label, agreed: agreedLabel, name: agreed.by, when: whenInSentence(agreed.at) };
  const what = lock.inherited ? t('lock.partOf', values) : t('lock.agreedBy', values);
  return `${what} ${mayReopen ? t('lock.reopenYourself', values) : t('lock.askChair', values)}`;
}

/** Why Tab cannot put a clause under `parent` (UI13): nothing joins a locked subtree. */
export function nothingUnder(parent: LockedClause): string {
  return parent.lock.inherited
    ? t('lock.nothingUnderPart', { label: parent.label, agreed: parent.agreedLabel })
    : t('lock.nothingUnder', { label: parent.label });
}

/** The status chip of a sub-item locked with its paragraph (UI13): its words and its tooltip. */
export function agreedWith(locked: LockedClause, mayReopen: boolean): { text: string; title: string } {
  const values = { agreed: locked.agreedLabel, name: locked.agreed.by, when: when(locked.agreed.at) };
  const title = t('status.agreedWithTitle', values);
  return { text: t('status.agreedWith', values), title: mayReopen ? `${title} ${t('status.reopenParent', values)}` : title };
}

/** A clause's lock with what the words need, or null when the clause is open. */
export function lockedClause(
  id: string,
  locks: ReadonlyMap<string, ClauseLock>,
  labelOf: (id: string) => string | null,
  statusOf: (id: string) => ClauseStatus | undefined,
): LockedClause | null {
  const lock = locks.get(id);
  const agreed = lock && statusOf(lock.agreedClause);
  const label = labelOf(id);
  const agreedLabel = lock && labelOf(lock.agreedClause);
  if (!lock || !agreed || label === null || !agreedLabel) return null;
  return { label, lock, agreedLabel, agreed };
}
