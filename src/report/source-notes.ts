/**
 * "Notes on sources": what the graph's sources say and where they err, kept
 * out of the scenario, variant and shock descriptions (which are for readers)
 * and written in each source's `note` (graph-format.md). `citedOnly` keeps
 * the sources that the report's scenarios cite (the PDF's short appendix).
 */
import type { Report } from './model.ts';

export interface SourceNote {
  id: string;
  title: string;
  /** Publisher and date, as the file gives them. */
  meta: string;
  note: string;
}

export function sourceNotes(report: Report, citedOnly = false): SourceNote[] {
  const cited = new Set<string>(report.scenarios.flatMap((s) => s.sources ?? []));
  return report.sources
    .filter((s) => s.note && s.note.trim() && (!citedOnly || cited.has(s.id)))
    .map((s) => ({ id: s.id, title: s.title, meta: [s.publisher, s.date].filter(Boolean).join(', '), note: s.note!.trim() }));
}
