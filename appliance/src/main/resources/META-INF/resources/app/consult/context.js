// The patient's context while prescribing: active problems, current medicines and allergies in a
// strip above the consultation, and a small form to add one to the record from this screen.
import { get, post, BUDGET } from '../api.js';
import { $, el, clear, labelOf } from '../dom.js';
import { t } from '../i18n.js';
import { panelError, panelState } from '../panel.js';
import { S, emit } from './state.js';

const KINDS = ['conditions', 'medications', 'allergies'];
const CURRENT = { conditions: ['active', 'recurrence', 'relapse', 'unknown'], medications: ['active', 'on-hold', 'unknown'] };

function current(kind, item) {
  const e = item.entry ?? item;
  const ok = CURRENT[kind];
  return !ok || !e.status || ok.includes(e.status);
}

/** Loads the three lists into the strip; a list that cannot be read says so. */
export async function loadContext() {
  if (!S.patient) return;
  const forConsultation = S.consultation && S.consultation.id;
  await Promise.all(KINDS.map(async (kind) => {
    const list = clear($(`context-${kind}`));
    try {
      const items = ((await get(`/api/v1/patients/${encodeURIComponent(S.patient.id)}/${kind}`,
        { budgetMs: BUDGET.quick })) ?? []).filter((x) => current(kind, x));
      if (!S.consultation || S.consultation.id !== forConsultation) return;
      if (!items.length) list.append(el('li', { class: 'muted', text: t('context.none') }));
      for (const it of items) {
        const e = it.entry ?? it;
        list.append(el('li', { class: 'context-item', text: labelOf(e.coding ? (e.coding.display || e.coding.code) : e) }));
      }
    } catch (e) {
      list.append(el('li', { class: 'muted', text: t('context.unavailable') }));
    }
  }));
}

async function addToHistory(ev) {
  ev.preventDefault();
  if (!S.patient) return;
  const kind = $('context-kind').value;
  const display = $('context-text').value.trim();
  if (!display) {
    $('context-text').focus();
    return;
  }
  const body = { coding: { display } };
  if (kind !== 'allergies') body.status = 'active';
  panelState('context-status', 'working');
  try {
    await post(`/api/v1/patients/${encodeURIComponent(S.patient.id)}/${kind}`, body, { budgetMs: BUDGET.save });
    $('context-text').value = '';
    panelState('context-status', 'ok', t('context.added', display));
    await loadContext();
    // Stored medicines and allergies take part in the prescription check.
    emit('history-changed');
  } catch (e) {
    panelError('context-status', e);
  }
}

export function initContext() {
  $('context-form').addEventListener('submit', addToHistory);
}
