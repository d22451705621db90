import * as Y from 'yjs';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { emptySeed, type DeclarationSeed } from '../../shared/declarationSeed.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import type { ParticipantSpec } from '../declarations/createDeclaration.ts';

/** Test helpers that read and type into a document the way an editor would. */

/** Every clause's text, in reading order. */
export const clauseTexts = (doc: Y.Doc): string[] => flattenOutline(buildOutline(readDeclaration(doc).clauses)).map((n) => toPlainText(n.clause.body));

/** The XmlText of a clause's (first) paragraph. */
export const clauseXmlText = (doc: Y.Doc, clauseId: string): Y.XmlText =>
  ((clausesMap(doc).get(clauseId)!.get(CLAUSE_FIELD.body) as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Types `text` at the end of a clause, as the editor would. */
export function typeInto(doc: Y.Doc, clauseId: string, text: string): void {
  const xmlText = clauseXmlText(doc, clauseId);
  xmlText.insert(xmlText.length, text);
}

/** The smallest declaration worth testing against: one preambular and one operative paragraph. */
export const smallSeed: DeclarationSeed = {
  ...emptySeed(plain('Test declaration')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain('Decide the first;') }],
};

/** A chair and two delegations. */
export const smallParticipants: ParticipantSpec[] = [
  { name: 'Argentina', role: 'chair' },
  { name: 'Chile', role: 'delegation' },
  { name: 'Peru', role: 'delegation' },
];
