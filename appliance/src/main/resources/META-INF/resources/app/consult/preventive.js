// Preventive care due for the patient, as a compact banner. Each item opens in place (a disclosure
// that keyboard and touch users reach) with its reason, interval and source.
import { $, el, clear, labelOf } from '../dom.js';
import { t, has } from '../i18n.js';
import { panelState } from '../panel.js';
import { S, arrayOf, answerLine } from './state.js';

const ORDER = { overdue: 0, due: 1, unknown: 2, 'up-to-date': 3 };

/** Shows preventive care of a new view (the last answer stays, marked, when this one has none). */
export function showPreventive(view) {
  const section = view.preventive;
  if (section.status === 'unavailable') panelState('preventive-status', 'unavailable', t('fresh.why.moduleOff'));
  else if (section.status === 'failed' || section.status === 'incomplete') {
    panelState('preventive-status', 'error', section.problem ? section.problem.detail : '');
  } else panelState('preventive-status', 'ok', '');
  renderPreventive();
}

function items() {
  return S.preventive ? arrayOf(S.preventive, 'items')
    .filter((x) => x.status !== 'not-applicable')
    .sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9)) : null;
}

export function renderPreventive() {
  const list = clear($('preventive-items'));
  answerLine('preventive-answer', { at: S.preventiveAt, stale: S.preventiveStale });
  const shown = items();
  if (!shown) return;
  if (!shown.length) list.append(el('li', { class: 'muted', text: t('prev.empty') }));
  for (const x of shown) {
    const statusKey = `prev.status.${x.status}`;
    const since = x.dueDate;
    const next = x.nextDate;
    const when = (x.status === 'overdue' || x.status === 'due') && since ? t('prev.since', since)
      : x.status === 'up-to-date' && next ? t('prev.next', next) : '';
    const source = x.source ? labelOf(x.source) : '';
    const details = [labelOf(x.reason), labelOf(x.interval), source ? t('common.source', source) : ''].filter(Boolean);
    list.append(el('li', { class: `chip prev-${x.status}`, dataset: { status: x.status ?? '' } },
      el('details', { class: 'prev-details' },
        el('summary', {},
          el('span', { class: 'chip-text', text: labelOf(x.name ?? x.title ?? x) }),
          el('span', { class: 'chip-tag', text: [has(statusKey) ? t(statusKey) : x.status, when].filter(Boolean).join(' ') })),
        details.map((d) => el('p', { class: 'prev-detail', text: d })))));
  }
}
