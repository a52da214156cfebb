/**
 * XML in safely: files that declare a DOCTYPE or entities (the "billion
 * laughs" expansion, external entities) are refused before any parsing, and
 * syntax errors come back as problems with their line and column.
 * @xmldom/xmldom is used everywhere (Node, Web Worker, page): workers have no DOMParser.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type { Problem } from '../../model/problem.ts';
import { positionAt, lineStarts } from '../json-text.ts';
import type { ParseOutcome } from './types.ts';

const DECLARATION = /<!(DOCTYPE|ENTITY)/i;

export function parseXml(text: string, file: string): ParseOutcome<Document> {
  const declaration = DECLARATION.exec(text);
  if (declaration) {
    const at = positionAt(lineStarts(text), declaration.index);
    return {
      ok: false,
      problems: [{ severity: 'error', file, ...at, path: '', expected: 'XML without a DOCTYPE or entity declarations (refused: they can expand without end or read other files)', found: `<!${declaration[1]}` }],
    };
  }
  const problems: Problem[] = [];
  let document: Document | undefined;
  try {
    document = new DOMParser({
      onError(level, message, context) {
        if (level === 'warning') return;
        const where = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
        const line = /line:(\d+)/.exec(message)?.[1];
        const col = /col:(\d+)/.exec(message)?.[1];
        problems.push({
          severity: 'error',
          file,
          line: where?.lineNumber ?? (line ? Number(line) : undefined),
          column: where?.columnNumber ?? (col ? Number(col) : undefined),
          path: '',
          expected: 'well-formed XML',
          found: message.replace(/\s*@#\[line:\d+,col:\d+\]\s*$/, '').split('\n')[0]!.trim(),
        });
        if (level === 'fatalError') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (cause) {
    if (problems.length === 0) problems.push({ severity: 'error', file, path: '', expected: 'well-formed XML', found: String((cause as Error).message) });
  }
  if (problems.length > 0 || !document) return { ok: false, problems };
  return { ok: true, value: document };
}

/** The elements of several tag names in one walk of the document (each walk of a 50 MB DOM costs seconds). */
export function elementsByTag(doc: Document, tags: readonly string[]): Map<string, Element[]> {
  const out = new Map<string, Element[]>(tags.map((t) => [t, []]));
  const stack: ChildNode[] = [];
  for (let c = doc.firstChild; c; c = c.nextSibling) stack.push(c as ChildNode);
  stack.reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType !== 1) continue;
    const element = node as unknown as Element;
    out.get(element.tagName)?.push(element);
    const kids: ChildNode[] = [];
    for (let c = element.firstChild; c; c = c.nextSibling) kids.push(c as ChildNode);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
type ChildNode = NonNullable<Document['firstChild']>;

/** The child elements of an element. */
export function children(element: Element, tag?: string): Element[] {
  const out: Element[] = [];
  for (let c = element.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (tag === undefined || (c as Element).tagName === tag)) out.push(c as Element);
  }
  return out;
}

/** Text safe inside XML: escapes the five specials; callers keep control characters out (attr-codec). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
