import type { ReactNode } from 'react';
import { kindOfAction } from '../../shared/auditKinds.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { messageParts } from '../chrome/messageParts.tsx';
import { locale, t } from '../i18n.ts';
import { dateAndTime } from '../time.ts';
import type { AuditEntry } from './useAuditLog.ts';

/**
 * An audit entry in words (docs/SPEC.md AUD1): "Argentina locked OP3 as
 * agreed", "Brazil's change to PP4 was refused: locked". The clause stands
 * as an element (a link, or "a clause since deleted") that the translation
 * places; everything else is read from the entry's detail, which the server
 * wrote (server/db/auditLog.ts lists what each action carries).
 */
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function languageName(code: unknown): string {
  if (typeof code !== 'string') return '';
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The key and values of the sentence: a few actions read differently by their detail (a support taken back, a position withdrawn). */
function sentence(entry: AuditEntry): { key: MessageKey; values: Record<string, string> } {
  const d = entry.detail;
  const actor = entry.actor;
  if (kindOfAction(entry.action) === null) return { key: 'audit.action.unknown', values: { actor, action: entry.action } };
  switch (entry.action) {
    case 'status':
      return { key: 'audit.action.status', values: { actor, state: typeof d.to === 'string' ? t(`status.${d.to}` as MessageKey).toLocaleLowerCase(locale()) : '' } };
    case 'status-override':
      return { key: 'audit.action.status-override', values: { actor, names: Array.isArray(d.objections) ? d.objections.join(', ') : '' } };
    case 'refused':
      return { key: 'audit.action.refused', values: { actor, reason: text(d.reason) ? t(`audit.reason.${d.reason as string}` as MessageKey) : '' } };
    case 'proposal-supported':
      return { key: d.on === false ? 'audit.words.supportTakenBack' : 'audit.action.proposal-supported', values: { actor } };
    case 'proposal-objected':
      return { key: d.on === false ? 'audit.words.objectionTakenBack' : 'audit.action.proposal-objected', values: { actor } };
    case 'position':
      return text(d.position)
        ? { key: 'audit.action.position', values: { actor, position: t(`positions.kind.${d.position as string}` as MessageKey) } }
        : { key: 'audit.words.positionWithdrawn', values: { actor } };
    case 'silence-started':
      return { key: 'audit.action.silence-started', values: { actor, deadline: text(d.deadline) ? dateAndTime(Date.parse(d.deadline as string)) : '' } };
    case 'editing-mode': {
      const to = (d.editing as { to?: unknown } | undefined)?.to;
      return { key: 'audit.action.editing-mode', values: { actor, mode: to === 'proposals' ? t('audit.mode.proposals') : t('audit.mode.direct') } };
    }
    case 'language-changed':
      return { key: 'audit.action.language-changed', values: { actor, from: languageName(d.from), to: languageName(d.to) } };
    default:
      return { key: `audit.action.${entry.action}` as MessageKey, values: { actor, name: text(d.name) ?? '', title: text(d.title) ?? '' } };
  }
}

/** The sentence of an entry, with `clause` (the link, or words for a clause-less entry) placed where the language puts it. */
export function entryWords(entry: AuditEntry, clause: ReactNode): ReactNode[] {
  const { key, values } = sentence(entry);
  return messageParts(key, { clause }, values);
}

/** Where a refusal of no clause was aimed: the heading, the signatories… */
export function partWords(entry: AuditEntry): string {
  const part = text(entry.detail.part);
  return part && part !== 'clause' ? t(`audit.part.${part}` as MessageKey) : t('audit.noClause');
}

/** Lines under the sentence: why, which passage, what note — what the entry's detail holds of them. */
export function entryLines(entry: AuditEntry): string[] {
  const d = entry.detail;
  const lines: string[] = [];
  if (entry.action !== 'refused' && text(d.reason)) lines.push(t('audit.reasonLine', { reason: d.reason as string }));
  if (text(d.quote)) lines.push(t('audit.quoteLine', { quote: d.quote as string }));
  if (text(d.note)) lines.push(t('audit.noteLine', { note: d.note as string }));
  if (entry.action === 'refused' && text(d.proposalId)) lines.push(t('audit.refusedProposal'));
  return lines;
}
