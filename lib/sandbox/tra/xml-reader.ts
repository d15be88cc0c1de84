// A strict reader for the compact XML TRA's VFD API takes: elements without attributes, text only in
// leaves, no whitespace between tags, entities limited to the five XML ones. Anything else is the "format"
// error a real EFDMS gives for a malformed receipt.

export interface XmlNode {
  name: string;
  children: XmlNode[];
  /** Unescaped text of a leaf ("" for an empty element). */
  text: string;
}

export class XmlFormatError extends Error {
  override name = "XmlFormatError";
}

const TOKEN = /<(\/?)([A-Z][A-Z0-9]*)>|([^<]+)/gy;
const SAFE_TEXT = /^(?:[^&<]|&(?:amp|lt|gt|quot|apos);)*$/;

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function readXml(source: string): XmlNode {
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let rawText: string | undefined;
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(source);
    if (!match || match.index !== at) throw new XmlFormatError(`unexpected markup at ${at}`);
    at = TOKEN.lastIndex;
    const [, closing, name, text] = match;
    if (text !== undefined) {
      const open = stack.at(-1);
      if (!open || open.children.length > 0) throw new XmlFormatError("text outside a leaf element");
      if (!SAFE_TEXT.test(text)) throw new XmlFormatError(`unescaped character in <${open.name}>`);
      rawText = text;
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlFormatError(`mismatched </${name}>`);
      if (rawText !== undefined) open.text = unescape(rawText);
      rawText = undefined;
      if (stack.length === 0) {
        if (at !== source.length) throw new XmlFormatError("content after the root element");
        root = open;
      }
      continue;
    }
    if (rawText !== undefined) throw new XmlFormatError("element after text");
    const node: XmlNode = { name: name!, children: [], text: "" };
    if (stack.length === 0 && root) throw new XmlFormatError("two root elements");
    stack.at(-1)?.children.push(node);
    stack.push(node);
  }
  if (!root || stack.length > 0) throw new XmlFormatError("unclosed element");
  return root;
}

/** The children's names must be exactly `expected`, in order. */
export function expectChildren(node: XmlNode, expected: readonly string[]): void {
  const names = node.children.map((c) => c.name);
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    throw new XmlFormatError(`<${node.name}> children must be ${expected.join(",")}`);
  }
}

export function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new XmlFormatError(`<${node.name}> lacks <${name}>`);
  return found;
}

export const textOf = (node: XmlNode, name: string) => child(node, name).text;

/** TRA numbers: plain decimals with at most two places (no exponent, commas or signs). */
export function cents(value: string, what: string): number {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new XmlFormatError(`${what} is not a plain decimal: ${value.slice(0, 20)}`);
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
