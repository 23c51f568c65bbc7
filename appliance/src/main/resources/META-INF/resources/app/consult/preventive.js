// Preventive care due for the patient, as a compact banner. Each item opens in place (a disclosure
// that keyboard and touch users reach) with its reason, interval and source.
import { get, BUDGET } from '../api.js';
import { $, el, clear, labelOf } from '../dom.js';
import { t, has, language } from '../i18n.js';
import { panelError, panelState } from '../panel.js';
import { S, arrayOf, answerLine, failureText } from './state.js';

const ORDER = { overdue: 0, due: 1, unknown: 2, 'up-to-date': 3 };
let last = { items: null, at: null, stale: null };

export function resetPreventive() {
  last = { items: null, at: null, stale: null };
}

export async function loadPreventive() {
  if (!S.patient) return;
  const forConsultation = S.consultation;
  panelState('preventive-status', 'working');
  try {
    const body = await get(`/api/v1/patients/${encodeURIComponent(S.patient.id)}/preventive-care?language=${language()}`,
      { budgetMs: BUDGET.quick });
    if (S.consultation !== forConsultation) return;
    last = {
      items: arrayOf(body, 'items')
        .filter((x) => x.status !== 'not-applicable')
        .sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9)),
      at: new Date(),
      stale: null,
    };
    panelState('preventive-status', 'ok', '');
  } catch (e) {
    last.stale = failureText(e);
    panelError('preventive-status', e);
  }
  render();
}

function render() {
  const list = clear($('preventive-items'));
  answerLine('preventive-answer', { at: last.at, stale: last.stale });
  if (!last.items) return;
  if (!last.items.length) list.append(el('li', { class: 'muted', text: t('prev.empty') }));
  for (const x of last.items) {
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
