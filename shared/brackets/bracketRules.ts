import { can } from '../permissions.ts';
import type { Role } from '../roles.ts';
import type { DeclarationSettings } from '../settings.ts';

/**
 * Who may do what with square brackets (docs/SPEC.md BRK1, BRK4): the one
 * home of these rules, read by the server's routes, the relay's enforce
 * step and the screen's buttons.
 */

/** Delegations (and the chair and the secretariat) bracket passages of open clauses (BRK1); observers read. */
export function mayBracket(role: Role): boolean {
  return can(role, 'bracket');
}

/** The chair removes brackets, keeping the text; the secretariat only when the chair allows it (BRK4). */
export function mayRemoveBrackets(role: Role, settings: DeclarationSettings): boolean {
  return role === 'chair' || (role === 'secretariat' && settings.secretariatRemovesBrackets);
}

/** Deleting a whole bracketed passage (or its clause) — which removes its brackets — is for the chair and the secretariat (BRK4). */
export function mayDeleteBracketedText(role: Role): boolean {
  return role === 'chair' || role === 'secretariat';
}
