/** What every editor form is given: the working document and a way to send an edit. */
import type { EditCommand } from '../../edit/commands.ts';
import { freeId, slug } from '../../edit/free-id.ts';
import type { GraphDocument } from '../../model/schema.ts';

export interface EditContext {
  doc: GraphDocument;
  /** Sends the edit to the worker; `form` names where its problems are shown; `then` runs if it was applied. */
  submit(form: string, command: EditCommand, label: string, then?: () => void): void;
  /** Opens a node or a flow in its form (null: a new one). */
  openNode(key: string | null): void;
  openFlow(key: string | null, preset?: { source?: string; target?: string }): void;
}

export const nodeOptions = (doc: GraphDocument): [string, string][] =>
  doc.nodes.map((n): [string, string] => [n.key, `${n.attributes.label} (${n.key})`]).sort((a, b) => a[1].localeCompare(b[1]));

/** A node key from a label, not yet taken: "Tokyo Electron" → "tokyo-electron", then "-2"… */
export function freeNodeKey(doc: GraphDocument, label: string): string {
  return freeId(slug(label, 'node', 60), new Set(doc.nodes.map((n) => n.key)));
}
