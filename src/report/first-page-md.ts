/** The report's first page (first-page.ts) in Markdown: the question, the answer, the table, the lists, what the figures are. */
import { segmentsText, type Segment } from './fig.ts';
import { firstPage, type FirstPageCell } from './first-page.ts';
import type { Report } from './model.ts';

type Inert = (s: string) => string;

function cellText(c: FirstPageCell): string {
  const none = c.delta && c.low && c.high && [c.delta, c.low, c.high].every((f) => f.text === c.delta!.text) && /^±/.test(c.delta.text);
  const range = c.low && c.high && !none ? `${c.low.text} to ${c.high.text}` : '';
  const second = c.delta ? [c.delta.text, range].filter(Boolean).join('; ') : range;
  return `**${c.value.text}**${second ? ` (${second})` : ''}${c.uncertain ? ' direction uncertain' : ''}`;
}

export function firstPageMarkdown(report: Report, mdText: Inert): string {
  const page = firstPage(report);
  const text = (parts: Segment[]) => mdText(segmentsText(parts));
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const parts = [`**The question.** ${mdText(page.question)}`, ''];
  if (page.answers.length) parts.push('## The answer', '', ...page.answers.map((a) => `- ${text(a)}`), '');
  if (page.rows.length) {
    const what = page.draws ? 'value (change; 5th–95th percentile of the draws: of the value in the baseline, of the change after it)' : 'value (change from the baseline)';
    parts.push(
      `Reliance on ${mdText(page.setWords)}: ${what}.`,
      '',
      row(['Scenario', ...page.buyers.map((b) => mdText(b.label))]),
      row(['---', ...page.buyers.map(() => '---:')]),
      ...page.rows.map((r) => row([mdText(r.label), ...r.cells.map(cellText)])),
      '',
    );
  }
  if (page.spofs.length) parts.push('**Largest single points of failure**', '', ...page.spofs.map((l) => `- ${text(l)}`), '');
  if (page.concentrated.length) parts.push('**Most concentrated inputs**', '', ...page.concentrated.map((l) => `- ${text(l)}`), '');
  parts.push(`${page.about.map(text).join(' ')} See *Method and limits* below.`);
  return parts.join('\n');
}
