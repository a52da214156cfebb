/** Which format a file is, from its name and, when the name does not say, its first bytes. */
import type { FileFormat } from './types.ts';

const BY_EXTENSION: Record<string, FileFormat> = {
  json: 'native',
  gexf: 'gexf',
  graphml: 'graphml',
  csv: 'csv',
  zip: 'zip',
};

export const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
export const baseNameOf = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]+$/, '');

/** JSON text starting an array of scenario objects (or an empty one); another array is a broken graph file, for the native checks to say why. */
const jsonKind = (text: string): FileFormat => (/^\[\s*(\]|\{)/.test(text) ? 'scenarios' : 'native');

/** The format of one file, or undefined when neither name nor content says. `head` is the start of its text. */
export function detectFormat(name: string, head: string | Uint8Array): FileFormat | undefined {
  if (head instanceof Uint8Array && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  const text = (typeof head === 'string' ? head : new TextDecoder().decode(head.subarray(0, 4096))).replace(/^\ufeff/, '').trimStart();
  const ext = extensionOf(name);
  if (ext === 'json' || (ext === '' && /^[[{]/.test(text))) return jsonKind(text);
  const byName = BY_EXTENSION[ext];
  if (byName) return byName;
  if (text.startsWith('<')) {
    if (/<gexf[\s>]/.test(text)) return 'gexf';
    if (/<graphml[\s>]/.test(text)) return 'graphml';
  }
  if (ext === 'xml') return undefined;
  if (/^[[{]/.test(text)) return jsonKind(text);
  return undefined;
}
