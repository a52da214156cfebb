/**
 * What the edit bar says about the work kept in this browser: "edited (N
 * changes since the file)" with the list of them, the Kept work menu (drafts:
 * work replaced by another file, another tab's, a record that could not be
 * restored) with open, download and delete, and one notice line with its
 * actions (another tab saved, earlier work kept, a record that failed).
 */
import type { WorkChange } from '../../state/work-changes.ts';
import { h } from '../dom.ts';
import type { Draft } from '../../persist/session-store.ts';

export interface NoticeAction {
  label: string;
  id?: string;
  run(): void;
}

export interface WorkUi {
  /** The indicator, the Kept work menu and the notice, for the edit bar. */
  element: HTMLElement;
  notice(text: string, tone: 'info' | 'warning' | 'error', actions?: NoticeAction[]): void;
  clearNotice(): void;
  /** The changes since the file (null: unknown, as before a first save). */
  setChanges(changes: WorkChange[] | null): void;
  setDrafts(drafts: Draft[]): void;
}

export interface WorkUiActions {
  openDraft(draft: Draft): void;
  downloadDraft(draft: Draft): void;
  deleteDraft(draft: Draft): void;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
/** The changes listed in the indicator's panel; the rest are counted. */
const SHOWN = 60;

export function mountWorkUi(actions: WorkUiActions): WorkUi {
  const changesList = h('ul', { className: 'menu-list work-changes-list', id: 'work-changes-list' });
  const changesSummary = h('summary', { id: 'work-changes-summary' });
  const changes = h('details', { className: 'menu work-changes', id: 'work-changes', hidden: true }, changesSummary, changesList);
  const draftsList = h('ul', { className: 'menu-list', id: 'drafts-list' });
  const draftsSummary = h('summary', { title: 'Work kept in this browser when something replaced it: open it again, download it or delete it' }, 'Kept work');
  const drafts = h('details', { className: 'menu', id: 'drafts-menu', hidden: true }, draftsSummary, draftsList);
  const noticeText = h('span', {});
  const noticeActions = h('span', { className: 'work-notice-actions' });
  const notice = h('div', { className: 'work-notice', id: 'work-notice', role: 'status', 'aria-live': 'polite', hidden: true }, noticeText, noticeActions,
    h('button', { type: 'button', className: 'work-notice-close', 'aria-label': 'Dismiss', onclick: () => ui.clearNotice() }, '×'));
  const element = h('span', { className: 'work-state' }, changes, drafts, notice);

  const ui: WorkUi = {
    element,
    notice(text, tone, list = []) {
      notice.hidden = false;
      notice.className = `work-notice ${tone}`;
      noticeText.textContent = text;
      noticeActions.replaceChildren(...list.map((a) => h('button', { type: 'button', ...(a.id ? { id: a.id } : {}), onclick: () => a.run() }, a.label)));
    },
    clearNotice() {
      notice.hidden = true;
      noticeText.textContent = '';
      noticeActions.replaceChildren();
    },
    setChanges(list) {
      changes.hidden = !list || list.length === 0;
      if (!list || !list.length) {
        changes.open = false;
        return;
      }
      changesSummary.textContent = `edited (${plural(list.length, 'change')} since the file)`;
      changesSummary.title = 'What the working graph changed since the file it came from (Revert goes back to the file; undo brings the work back)';
      changesList.replaceChildren(
        ...list.slice(0, SHOWN).map((c) => h('li', { className: `work-change ${c.how}` }, c.text)),
        ...(list.length > SHOWN ? [h('li', { className: 'empty' }, `…and ${plural(list.length - SHOWN, 'more change')}`)] : []),
      );
    },
    setDrafts(list) {
      drafts.hidden = list.length === 0;
      draftsSummary.textContent = `Kept work (${list.length})`;
      draftsList.replaceChildren(...list.map((d) => {
        const name = d.session ? d.session.file : 'an unreadable record';
        return h('li', { className: 'draft-item' },
          h('span', {}, h('strong', {}, name), h('br'), h('small', {}, `${d.reason} · ${new Date(d.keptAt).toLocaleString()}`)),
          h('span', { className: 'draft-actions' },
            d.session ? h('button', { type: 'button', className: 'draft-open', onclick: () => actions.openDraft(d) }, 'Open') : null,
            h('button', { type: 'button', className: 'draft-download', onclick: () => actions.downloadDraft(d) }, 'Download'),
            h('button', { type: 'button', className: 'draft-delete', onclick: () => actions.deleteDraft(d) }, 'Delete')));
      }));
    },
  };
  return ui;
}
