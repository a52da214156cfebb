/** The dismissible panel of problems (file, line or row, JSON path, expected, found) and the notice line. */
import type { Problem } from '../../model/problem.ts';
import type { FilesState } from '../../state/files.ts';
import { h } from '../dom.ts';

export function where(p: Problem): string {
  const at = [p.file, p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : ''].filter(Boolean).join(', ');
  return at || '(the file)';
}

export function renderFilesPanel(s: FilesState, act: { dismissProblems(): void; dismissNotice(): void }): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (s.busy) out.push(h('p', { className: 'files-busy', role: 'status' }, h('span', { className: 'spinner', 'aria-hidden': 'true' }), `${s.busy.task}: ${s.busy.phase}…`));
  if (s.notice) {
    out.push(h('div', { className: `files-notice ${s.notice.tone}`, id: 'files-notice', role: s.notice.tone === 'error' ? 'alert' : 'status' },
      h('p', {}, s.notice.text),
      s.notice.items.length ? h('ul', {}, ...s.notice.items.map((i) => h('li', {}, i))) : null,
      h('button', { type: 'button', className: 'dismiss', 'aria-label': 'Dismiss', onclick: act.dismissNotice }, '×')));
  }
  if (s.problems) {
    const p = s.problems;
    out.push(h('section', { className: 'files-problems', id: 'problems', 'aria-labelledby': 'problems-title' },
      h('header', {}, h('h2', { id: 'problems-title' }, p.title),
        h('button', { type: 'button', className: 'dismiss', id: 'problems-dismiss', 'aria-label': 'Dismiss the problems', onclick: act.dismissProblems }, '×')),
      h('div', { className: 'problems-scroll' },
        h('table', {},
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Where'), h('th', { scope: 'col' }, 'Path'), h('th', { scope: 'col' }, 'Expected'), h('th', { scope: 'col' }, 'Found'))),
          h('tbody', {}, ...p.shown.map((x) => h('tr', { className: x.severity },
            h('td', {}, x.severity === 'warning' ? 'warning · ' : '', where(x)), h('td', {}, h('code', {}, x.path || '—')), h('td', {}, x.expected), h('td', {}, x.found))))),
        p.more ? h('p', { className: 'more' }, `…and ${p.more.toLocaleString('en-US')} more`) : null)));
  }
  return out;
}
