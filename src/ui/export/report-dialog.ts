/**
 * The report dialog: which scenarios and demand nodes go in, and the format.
 * Labels come from the engine's report and are set as text only.
 */
import type { Report } from '../../report/model.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../worker/protocol.ts';
import { h } from '../dom.ts';

export interface ReportChoice {
  format: ReportFormat;
  scenarios: string[];
  demand: string[];
}

const FORMAT_NAMES: Record<ReportFormat, string> = { html: 'HTML (one file, with the picture)', md: 'Markdown', csv: 'CSV tables (zip)', json: 'JSON (report format)' };

/** Opens the dialog; `act` gets the choice and whether to print it. */
export function openReportDialog(report: Report, act: (choice: ReportChoice, print: boolean) => void): HTMLDialogElement {
  const scenarioBoxes = report.scenarios.slice(1).map((s) =>
    h('input', { type: 'checkbox', name: 'scenario', value: s.id, checked: true }));
  const focus = new Set(report.focus.demand);
  const demandRows = report.scenarios[0]?.reliance ?? [];
  const demandBoxes = demandRows.map((r) => h('input', { type: 'checkbox', name: 'demand', value: r.demand, checked: focus.size === 0 || focus.has(r.demand) }));
  const format = h('select', { id: 'report-format', 'aria-label': 'Report format' }, ...REPORT_FORMATS.map((f) => h('option', { value: f }, FORMAT_NAMES[f])));
  const message = h('p', { className: 'dialog-message', role: 'alert' });
  const choice = (): ReportChoice | null => {
    const demand = demandBoxes.filter((b) => b.checked).map((b) => b.value);
    if (demandRows.length && !demand.length) {
      message.textContent = 'Pick at least one demand node.';
      return null;
    }
    return { format: format.value as ReportFormat, scenarios: scenarioBoxes.filter((b) => b.checked).map((b) => b.value), demand };
  };
  const dialog = h('dialog', { className: 'files-dialog', id: 'report-dialog', 'aria-labelledby': 'report-dialog-title' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  dialog.append(
    h('form', { method: 'dialog', onsubmit: (e) => e.preventDefault() },
      h('h2', { id: 'report-dialog-title' }, 'Report'),
      h('fieldset', {}, h('legend', {}, 'Scenarios (baseline is always in)'),
        scenarioBoxes.length ? h('ul', { className: 'checks' }, ...scenarioBoxes.map((b, i) => h('li', {}, h('label', {}, b, ' ', report.scenarios[i + 1]!.label)))) : h('p', {}, 'This graph has no scenarios.')),
      h('fieldset', {}, h('legend', {}, 'Demand nodes'),
        h('ul', { className: 'checks' }, ...demandBoxes.map((b, i) => h('li', {}, h('label', {}, b, ' ', demandRows[i]!.label))))),
      h('label', { className: 'row' }, 'Format ', format),
      message,
      h('div', { className: 'dialog-buttons' },
        h('button', { type: 'button', onclick: close }, 'Cancel'),
        h('button', { type: 'button', id: 'report-print', title: 'Opens the HTML report and the browser\u2019s print dialog (save as PDF there)', onclick: () => {
          const c = choice();
          if (c) (close(), act({ ...c, format: 'html' }, true));
        } }, 'Print / PDF'),
        h('button', { type: 'button', id: 'report-download', className: 'primary', onclick: () => {
          const c = choice();
          if (c) (close(), act(c, false));
        } }, 'Download'))),
  );
  dialog.addEventListener('cancel', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
