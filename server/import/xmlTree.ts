/**
 * XML as an ordered tree (the `preserveOrder` form of fast-xml-parser, which
 * this reader replaced: each element `{ [tag]: children, ':@'?: attributes }`,
 * text `{ '#text': text }`; namespace prefixes removed: `w:p` is `p`), with
 * the few accessors the .docx reader needs. Order matters: a paragraph's runs
 * are its text in sequence.
 *
 * Its own tokenizer rather than a general parser: a 5 MB .docx holds some
 * 20 MB of XML, and reading it must stay within the import's time
 * (docs/SPEC.md IMP16); Word's XML needs only elements, attributes, text,
 * the five entities and character references. Anything else — a DOCTYPE (no
 * entity tricks), a tag that does not close, text that is not XML — throws,
 * and the reader says the file is damaged.
 */
export type XmlNode = Record<string, unknown>;

// One token at a time, sticky: an element's start or end tag, a comment, a processing instruction, CDATA, text.
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_all, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return NAMED[name]!;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    if (code > 0x10ffff) throw new Error('A character reference out of range');
    return String.fromCodePoint(code);
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function parseXml(xml: string): XmlNode[] {
  // Word never writes a DOCTYPE; refusing one rules out entity tricks.
  if (/<!DOCTYPE/i.test(xml)) throw new Error('XML with a DOCTYPE');
  const root: XmlNode[] = [];
  const stack: { name: string; children: XmlNode[] }[] = [{ name: '', children: root }];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(xml);
    if (!match) throw new Error(`Not XML at ${at}`);
    const [, closing, name, attributes, selfClosing, cdata, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.children.push({ '#text': decode(text) });
    } else if (cdata !== undefined) {
      top.children.push({ '#text': cdata });
    } else if (name !== undefined) {
      if (closing) {
        if (stack.length === 1 || top.name !== name) throw new Error(`Unexpected </${name}>`);
        stack.pop();
        continue;
      }
      const children: XmlNode[] = [];
      const node: XmlNode = { [localName(name)]: children };
      if (attributes) {
        const values: Record<string, string> = {};
        let any = false;
        for (const attribute of attributes.matchAll(ATTRIBUTE)) {
          const key = attribute[1]!;
          if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
          values[localName(key)] = decode(attribute[2] ?? attribute[3] ?? '');
          any = true;
        }
        if (any) node[':@'] = values;
      }
      top.children.push(node);
      if (!selfClosing) stack.push({ name, children });
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  return root;
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
