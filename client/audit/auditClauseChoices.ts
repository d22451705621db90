/**
 * The audit screen's clause filter (docs/SPEC.md AUD2): every clause of the
 * text in reading order, sub-items included, by the labels the screen
 * shows. A chair asking about OP12 means the paragraph with its sub-items,
 * so a clause that has sub-items is offered first with them, then alone;
 * each sub-item is offered by itself.
 *
 * The panel is handed the screen's labels in reading order; a clause's
 * sub-items are read from them: the numbering writes a sub-item's label as
 * its parent's followed by its own letter in parentheses (NUM2, WN2:
 * OP12 → OP12(a) → OP12(a)(ii), OP7 bis → OP7 bis(a)).
 */
export interface AuditClauseChoice {
  clauseId: string;
  withSubitems: boolean;
  label: string;
  /** The clauses whose entries it shows: the clause, and its sub-items when `withSubitems`. */
  ids: string[];
}

export interface LabelledClause {
  id: string;
  label: string;
}

export function auditClauseChoices(clauses: readonly LabelledClause[], words: { withSubitems(label: string): string; alone(label: string): string }): AuditClauseChoice[] {
  const choices: AuditClauseChoice[] = [];
  clauses.forEach((clause, i) => {
    const subitems: string[] = [];
    for (let j = i + 1; j < clauses.length && clause.label !== '' && clauses[j]!.label.startsWith(`${clause.label}(`); j++) subitems.push(clauses[j]!.id);
    if (subitems.length === 0) {
      choices.push({ clauseId: clause.id, withSubitems: false, label: clause.label, ids: [clause.id] });
      return;
    }
    choices.push({ clauseId: clause.id, withSubitems: true, label: words.withSubitems(clause.label), ids: [clause.id, ...subitems] });
    choices.push({ clauseId: clause.id, withSubitems: false, label: words.alone(clause.label), ids: [clause.id] });
  });
  return choices;
}

/** The select's value of a choice, and of the filter it sets. */
export function choiceValue(clauseId: string, withSubitems: boolean): string {
  return `${withSubitems ? 'with' : 'one'}:${clauseId}`;
}
