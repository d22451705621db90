import { DEFAULT_DECLARATION_LANGUAGE, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import type * as Y from 'yjs';
import { standingBrackets } from '../../shared/brackets/bracket.ts';
import { countStatuses, readClauseStatus, type ClauseStatus, type StatusCounts } from '../../shared/clauseStatus.ts';
import { clauseLocks } from '../../shared/clauseLock.ts';
import { bracketRanges } from '../../shared/document/bracketRange.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { buildOutline } from '../../shared/outline.ts';
import { readPositions } from '../../shared/positions/position.ts';
import type { VersionContent } from '../../shared/versions/version.ts';
import { readFrozenNumbering } from '../../shared/workingNumbers.ts';
import { buildExportInput, type ExportInput, type PrintStyle } from '../export/exportInput.ts';

/**
 * A version's content read from a room's document (docs/SPEC.md VER2,
 * VER3): the declaration as plain data, and what its readers need to see it
 * as it was — statuses, the frozen numbering, where each standing bracket
 * stood (character offsets into its clause's text then: relative positions
 * would need the Yjs history the version must not keep), the positions.
 *
 * Only what belongs to a clause of the declaration is kept: the `status`
 * map keeps statuses of deleted clauses (SQLite holds them), which no
 * reader of a version shows. Reading changes nothing in the document.
 */
export function readVersionContent(doc: Y.Doc): VersionContent {
  const declaration = readDeclaration(doc);
  const present = new Set(declaration.clauses.map((c) => c.id));
  const statuses: Record<string, ClauseStatus> = {};
  doc.getMap<unknown>(ROOT.status).forEach((value, clauseId) => {
    const status = readClauseStatus(value);
    if (status && present.has(clauseId)) statuses[clauseId] = status;
  });
  const brackets: VersionContent['brackets'] = {};
  for (const [clauseId, ranges] of bracketRanges(doc, standingBrackets(doc.getMap<unknown>(ROOT.brackets)))) {
    if (present.has(clauseId)) brackets[clauseId] = ranges.map(({ start, end }) => ({ start, end }));
  }
  const positions: VersionContent['positions'] = {};
  for (const [clauseId, stated] of readPositions(doc.getMap<unknown>(ROOT.positions))) {
    if (present.has(clauseId)) positions[clauseId] = stated;
  }
  return { declaration, statuses, frozen: readFrozenNumbering(doc.getMap<unknown>(ROOT.numbering)), brackets, positions };
}

/**
 * How many clauses a version holds and how many are in each status, as the
 * top bar counts them: a sub-item of an agreed paragraph is agreed with it
 * (LOCK7).
 */
export function versionCounts(content: VersionContent): { clauses: number; statuses: StatusCounts } {
  const { clauses } = content.declaration;
  const locks = clauseLocks(buildOutline(clauses), (id) => content.statuses[id]);
  const statusOf = (id: string) => content.statuses[locks.get(id)?.agreedClause ?? id];
  return { clauses: clauses.length, statuses: countStatuses(clauses.map((c) => c.id), statusOf) };
}

/**
 * A version as the exporters read it (VER2): the text in reading order with
 * its working labels, statuses, positions and signatories, the brackets
 * printed into the body (buildExportInput does, for every format). A
 * version keeps no proposals nor refused changes: they are the working
 * state around a text, not the text. `at` is the version's own time, so the
 * same version always reads the same.
 */
export function versionText(content: VersionContent, at: number, language: DeclarationLanguage = DEFAULT_DECLARATION_LANGUAGE, print: PrintStyle = {}): ExportInput {
  return buildExportInput(
    content.declaration,
    {
      statuses: new Map(Object.entries(content.statuses)),
      refused: [],
      proposals: [],
      positions: new Map(Object.entries(content.positions)),
      brackets: new Map(Object.entries(content.brackets)),
      frozen: content.frozen,
    },
    new Date(at),
    language,
    print,
  );
}
