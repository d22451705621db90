import { XMLParser } from 'fast-xml-parser';

/**
 * XML as an ordered tree (fast-xml-parser's `preserveOrder` form, namespace
 * prefixes removed: `w:p` is `p`), with the few accessors the .docx reader
 * needs. Order matters: a paragraph's runs are its text in sequence.
 */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

export function parseXml(xml: string): XmlNode[] {
  // Word never writes a DOCTYPE; refusing one rules out entity tricks.
  if (/<!DOCTYPE/i.test(xml.slice(0, 2000))) throw new Error('XML with a DOCTYPE');
  return parser.parse(xml) as XmlNode[];
}

export function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return null;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const children = tag === null ? undefined : node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : typeof child['#text'] === 'number' ? String(child['#text']) : ''))
    .join('');
}

/** The first child with this tag. */
export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag);
}

/** The first node with this tag among `nodes` or their descendants, depth first. */
export function findFirst(nodes: XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = findFirst(childrenOf(node), tag);
    if (found) return found;
  }
  return undefined;
}
