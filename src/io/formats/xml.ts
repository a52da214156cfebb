/**
 * XML in safely and in one pass: files that declare a DOCTYPE or entities (the
 * "billion laughs" expansion, external entities) are refused before any
 * parsing; the rest is streamed through saxes (no DOM, the same code in Node,
 * a Web Worker and the page), each element handed to a visitor with its line
 * and column, and the first syntax error comes back as a problem at its place.
 */
import { SaxesParser } from 'saxes';
import type { Problem } from '../../model/problem.ts';
import { lineStarts, positionAt } from '../json-text.ts';

/** Where an element starts: the line and column (1-based) of its `<`. */
export interface Spot {
  line: number;
  column?: number | undefined;
}

/** An element as the visitor sees it: its qualified name, its attributes (a null-prototype record) and where it starts. */
export interface XmlElement extends Spot {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

export interface XmlVisitor {
  /** An element opens, inside `parent` (undefined for the root). Return true to get its text content (all the text inside it) when it closes. */
  open(element: XmlElement, parent: XmlElement | undefined): boolean | void;
  close(element: XmlElement, text: string | undefined): void;
}

const DECLARATION = /<!(DOCTYPE|ENTITY)/i;
const WELL_FORMED = 'well-formed XML';

/** A DOCTYPE or ENTITY anywhere in the text, refused before parsing; undefined when there is none. */
export function refuseDeclarations(text: string, file: string): Problem | undefined {
  const declaration = DECLARATION.exec(text);
  if (!declaration) return undefined;
  const at = positionAt(lineStarts(text.slice(0, declaration.index + 1)), declaration.index);
  return { severity: 'error', file, ...at, path: '', expected: 'XML without a DOCTYPE or entity declarations (refused: they can expand without end or read other files)', found: `<!${declaration[1]}` };
}

const REFERENCE = /^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][\w.:-]*);/;

/** The offset of the `&` whose entity reference ends at `end` (its `;`, or the end of the text), outside comments and CDATA. */
function ampersandBefore(text: string, end: number): number | undefined {
  const amp = text.indexOf('&', text.lastIndexOf(';', end - 1) + 1);
  if (amp === -1 || amp >= end) return undefined;
  const inside = (open: string, close: string) => text.lastIndexOf(open, amp) > text.lastIndexOf(close, amp);
  return inside('<!--', '-->') || inside('<![CDATA[', ']]>') ? undefined : amp;
}

/** Thrown from saxes' handlers to stop at the first syntax error. */
class Stop extends Error {}

const describe = (e: Spot & { name: string }) => `<${e.name}> (line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''})`;

/**
 * Streams `text` through the visitor. Returns the problems: none for
 * well-formed XML, else the first syntax error (parsing stops there; what the
 * visitor saw before it should be thrown away).
 */
export function readXml(text: string, file: string, visitor: XmlVisitor): Problem[] {
  const refused = refuseDeclarations(text, file);
  if (refused) return [refused];
  const parser = new SaxesParser({ position: true, xmlns: false });
  const open: XmlElement[] = [];
  // Where the element being opened starts, and its name while its start tag is read.
  let startLine = 1;
  let startColumn: number | undefined;
  let starting: string | undefined;
  let capturing: XmlElement | undefined;
  let captured = '';
  const problems: Problem[] = [];
  const fail = (line: number, column: number | undefined, found: string): never => {
    problems.push({ severity: 'error', file, line, column: column !== undefined && column >= 1 ? column : undefined, path: '', expected: WELL_FORMED, found });
    throw new Stop();
  };

  parser.on('opentagstart', (tag) => {
    // saxes has read `<`, the name and one character more: the `<` is name.length + 1 columns back.
    const column = parser.column - tag.name.length - 1;
    startLine = column >= 1 ? parser.line : parser.line - 1;
    startColumn = column >= 1 ? column : undefined;
    starting = tag.name;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes, line: startLine, column: startColumn };
    starting = undefined;
    const parent = open[open.length - 1];
    open.push(element);
    if (visitor.open(element, parent) === true && !capturing) {
      capturing = element;
      captured = '';
    }
    if (tag.isSelfClosing) closeTop(tag.name);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    // saxes closes the elements a wrong end tag skips before it complains: check the end tag's name here.
    const at = parser.position;
    const lt = text.lastIndexOf('</', at - 3);
    const end = lt + 2 + tag.name.length;
    if (!text.startsWith(tag.name, lt + 2) || (end !== at - 1 && text.slice(end, at - 1).trim() !== '')) {
      const element = open[open.length - 1];
      const name = text.slice(lt + 2, at - 1).trimEnd();
      fail(parser.line, parser.column - (at - lt) + 1, `</${name}> while ${element ? describe(element) : 'no element'} is still open`);
    }
    closeTop(tag.name);
  });
  const addText = (t: string) => {
    if (capturing) captured += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    const message = error.message.replace(/^.*?\d+:\d+: /, '').replace(/\.$/, '');
    const innermost = open[open.length - 1];
    const ending = /^(unclosed tag|unexpected end)/.test(message);
    // saxes reads an entity up to the next `;`, however far: point at the `&` that started it.
    const entity = /entity/.test(message);
    const amp = ending || entity ? ampersandBefore(text, ending ? text.length : parser.position - 1) : undefined;
    if (amp !== undefined) {
      const at = positionAt(lineStarts(text.slice(0, amp + 1)), amp);
      const reference = text.slice(amp, Math.min(amp + 64, ending ? text.length : parser.position));
      if (!REFERENCE.test(reference)) fail(at.line, at.column, 'a & that starts no entity reference (write &amp; for a literal &)');
      if (entity) fail(at.line, at.column, `${message} ${reference}`);
    }
    if (ending && (innermost || starting)) {
      const inside = starting ? `the start tag of ${describe({ name: starting, line: startLine, column: startColumn })}` : describe(innermost!);
      fail(parser.line, parser.column, `the end of the file inside ${inside}: the file is cut short`);
    }
    fail(parser.line, parser.column, message);
  });

  function closeTop(name: string) {
    const element = open.pop();
    if (!element || element.name !== name) return;
    if (element === capturing) {
      capturing = undefined;
      visitor.close(element, captured);
      captured = '';
    } else visitor.close(element, undefined);
  }

  try {
    parser.write(text).close();
  } catch (cause) {
    if (!(cause instanceof Stop)) throw cause;
  }
  return problems;
}

/** Characters XML 1.0 forbids anywhere, even as character references. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A plain-text copy for readers of other tools (a GEXF title, a GraphML name):
 * what XML forbids becomes U+FFFD. The exact text travels in the Chokepoint
 * block (jsonForXml), which is what Chokepoint reads back.
 */
export const xmlText = (text: string): string => text.replace(NOT_XML, '\ufffd');
/** Whether a text holds a character XML 1.0 forbids (then it cannot be an id or a name as it is). */
export const hasNotXml = (text: string): boolean => text.replace(NOT_XML, '') !== text;

/** Text safe inside XML: escapes the five specials; callers keep control characters out (attr-codec, xmlText). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
