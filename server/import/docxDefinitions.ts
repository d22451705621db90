import type { ListKind } from '../../shared/import/draftLine.ts';
import { attrOf, childOf, childrenOf, findFirst, tagOf, type XmlNode } from './xmlTree.ts';

/**
 * What a Word paragraph refers to by id: its style (word/styles.xml) and its
 * list (word/numbering.xml). A paragraph that uses Word's automatic numbering
 * carries no typed number: only `numId` and `ilvl`, and the list's level says
 * whether it shows 1., a) or i).
 */
export interface NumberingRef {
  numId: string;
  level: number;
}

interface Style {
  name: string;
  basedOn?: string;
  numbering?: NumberingRef;
  outlineLevel?: number;
  /** A character style's italic and bold (its w:rPr), when it says. */
  italic?: boolean;
  bold?: boolean;
}

export interface DocxDefinitions {
  /** The list kind of a numbering reference; null when it shows nothing. */
  listKind(ref: NumberingRef): ListKind | null;
  /** The numbering a style gives its paragraphs (following `basedOn`). */
  styleNumbering(styleId: string): NumberingRef | undefined;
  /** Title, Subtitle or a Heading style (or one with an outline level). */
  isHeadingStyle(styleId: string): boolean;
  /** The italic and bold a character style gives its runs (following `basedOn`): Emphasis is italic, Strong bold, others as their w:rPr says (IMP8). */
  characterMarks(styleId: string): { italic?: boolean; bold?: boolean };
}

export function numberingRefOf(pPr: XmlNode | undefined): NumberingRef | undefined {
  const numPr = pPr ? childOf(pPr, 'numPr') : undefined;
  if (!numPr) return undefined;
  const numId = attrOf(childOf(numPr, 'numId') ?? {}, 'val');
  const level = Number(attrOf(childOf(numPr, 'ilvl') ?? {}, 'val') ?? '0');
  if (numId === undefined) return undefined;
  return { numId, level: Number.isInteger(level) && level >= 0 ? level : 0 };
}

const FORMATS: Record<string, ListKind> = {
  bullet: 'bullet',
  lowerLetter: 'letter',
  lowerRoman: 'roman',
};

function readStyles(root: XmlNode[] | null): Map<string, Style> {
  const styles = new Map<string, Style>();
  const container = root ? findFirst(root, 'styles') : undefined;
  for (const node of container ? childrenOf(container) : []) {
    if (tagOf(node) !== 'style') continue;
    const id = attrOf(node, 'styleId');
    if (id === undefined) continue;
    const pPr = childOf(node, 'pPr');
    const outline = pPr ? attrOf(childOf(pPr, 'outlineLvl') ?? {}, 'val') : undefined;
    const rPr = childOf(node, 'rPr');
    const mark = (tag: string): boolean | undefined => {
      const on = rPr ? childOf(rPr, tag) : undefined;
      if (!on) return undefined;
      const value = attrOf(on, 'val');
      return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
    };
    styles.set(id, {
      name: attrOf(childOf(node, 'name') ?? {}, 'val') ?? id,
      basedOn: attrOf(childOf(node, 'basedOn') ?? {}, 'val'),
      numbering: numberingRefOf(pPr),
      outlineLevel: outline === undefined ? undefined : Number(outline),
      italic: mark('i'),
      bold: mark('b'),
    });
  }
  return styles;
}

/** numId → level → list kind. `numFmt="none"` and numId 0 mean no number. */
function readNumbering(root: XmlNode[] | null): Map<string, Map<number, ListKind | null>> {
  const abstracts = new Map<string, Map<number, ListKind | null>>();
  const nums = new Map<string, Map<number, ListKind | null>>();
  const container = root ? findFirst(root, 'numbering') : undefined;
  const children = container ? childrenOf(container) : [];
  for (const node of children) {
    if (tagOf(node) !== 'abstractNum') continue;
    const levels = new Map<number, ListKind | null>();
    for (const lvl of childrenOf(node)) {
      if (tagOf(lvl) !== 'lvl') continue;
      const format = attrOf(childOf(lvl, 'numFmt') ?? {}, 'val') ?? 'decimal';
      levels.set(Number(attrOf(lvl, 'ilvl') ?? '0'), format === 'none' ? null : (FORMATS[format] ?? 'number'));
    }
    abstracts.set(attrOf(node, 'abstractNumId') ?? '', levels);
  }
  for (const node of children) {
    if (tagOf(node) !== 'num') continue;
    const abstract = attrOf(childOf(node, 'abstractNumId') ?? {}, 'val');
    nums.set(attrOf(node, 'numId') ?? '', abstracts.get(abstract ?? '') ?? new Map());
  }
  return nums;
}

export function docxDefinitions(stylesXml: XmlNode[] | null, numberingXml: XmlNode[] | null): DocxDefinitions {
  const styles = readStyles(stylesXml);
  const numbering = readNumbering(numberingXml);
  const chain = (styleId: string): Style[] => {
    const seen: Style[] = [];
    for (let id: string | undefined = styleId; id !== undefined && seen.length < 20; ) {
      const style = styles.get(id);
      if (!style) break;
      seen.push(style);
      id = style.basedOn;
    }
    return seen;
  };
  return {
    listKind(ref) {
      if (ref.numId === '0') return null;
      const levels = numbering.get(ref.numId);
      // A list Word cannot find still numbers its paragraphs in decimal.
      if (!levels) return 'number';
      return levels.has(ref.level) ? levels.get(ref.level)! : 'number';
    },
    styleNumbering(styleId) {
      return chain(styleId).find((s) => s.numbering !== undefined)?.numbering;
    },
    characterMarks(styleId) {
      const styles = chain(styleId);
      const named = (name: string) => styles.some((s) => s.name.toLowerCase() === name);
      return {
        italic: styles.find((s) => s.italic !== undefined)?.italic ?? (named('emphasis') ? true : undefined),
        bold: styles.find((s) => s.bold !== undefined)?.bold ?? (named('strong') ? true : undefined),
      };
    },
    isHeadingStyle(styleId) {
      return chain(styleId).some((s) => /^(title|subtitle|heading \d)$/i.test(s.name) || (s.outlineLevel !== undefined && s.outlineLevel < 9));
    },
  };
}
