// Evidences: the keyboard symptom picker (an ARIA combobox), the recorded chips, the note and the
// findings read from it, and the evidence lists the diagnosis is asked with.
import { get, post, BUDGET } from '../api.js';
import { $, el, clear, debounce, fold, labelOf } from '../dom.js';
import { t, has, language } from '../i18n.js';
import { panelError, panelState } from '../panel.js';
import { S, latest, arrayOf, evidenceString, persistDraft, answerLine, send } from './state.js';
// The picker's search answers a plain list of EvidenceSummary; clinical terms answer {terms}.

const MAX_OPTIONS = 12;

// DDXPlus answer codes that mean the finding is absent: V_10 "No", V_11 "No aplica", V_123 "en ninguna parte".
const ABSENT_CODES = new Set(['V_10', 'V_11', 'V_123', 'N', 'NA']);
const ABSENT_LABELS = /^(no|no aplica|not applicable|n\/a|en ninguna parte|ninguna parte|nowhere|none|ninguno|ninguna)$/;

/** An answer option that means "no" or "does not apply": recorded as absent, never as present. */
export function meansNotApplicable(v) {
  return ABSENT_CODES.has(String(v.code ?? '').toUpperCase()) || ABSENT_LABELS.test(fold(v.label).trim());
}

/** Answer options as the API documents them: {code, label}. */
function normValues(list) {
  return (list ?? []).map((v) => ({ code: String(v.code), label: labelOf(v.label) }));
}

// Short clinical labels by evidence code ("E_91" → "Fiebre"), in the UI's language.
let labels = {};

/** Loads the short clinical labels; without them, chips and questions show the DDXPlus question. */
export async function loadLabels() {
  try {
    const body = await get(`/api/v1/clinical-terms/labels?language=${language()}`, { budgetMs: BUDGET.quick });
    labels = (body && body.labels) || {};
  } catch (e) {
    labels = {};
  }
}

/** The short clinical label of an evidence code, or null. */
export function shortLabel(code) {
  return labels[code] ?? null;
}

function normTerm(term) {
  return { term: true, code: term.evidences.join('+'), label: term.term, question: '', evidences: term.evidences,
    lang: term.language, values: [], scale: false, multi: false, parent: null, parentLabel: '' };
}

/** An evidence of the picker's search (EvidenceSummary: code, label, question, type, values, parent). */
function normEvidence(e) {
  const values = normValues(e.values);
  return {
    code: e.code,
    label: e.label,
    question: e.question,
    values,
    scale: values.length > 0 && values.every((v) => /^\d+$/.test(v.code)),
    multi: e.type === 'MULTI',
    parent: e.parent,
  };
}

export { normValues };

// ---------------------------------------------------------------- picker

const searchEvidences = debounce(async (q) => {
  if (q.length < 2) {
    closeOptions();
    return;
  }
  const signal = latest.evidence.start();
  try {
    // Clinical words first ("disnea", "SOB"), then the evidences whose question matches.
    const [terms, body] = await Promise.all([
      get(`/api/v1/clinical-terms?q=${encodeURIComponent(q)}&language=${language()}`, { budgetMs: BUDGET.quick, signal })
        .catch((e) => { if (e.kind === 'superseded') throw e; return null; }),
      get(`/api/v1/diagnosis/evidences?q=${encodeURIComponent(q)}&language=${language()}`, { budgetMs: BUDGET.quick, signal }),
    ]);
    const byTerm = arrayOf(terms, 'terms').map(normTerm);
    const termCodes = new Set(byTerm.filter((o) => o.evidences.length === 1).map((o) => o.code));
    S.options = [...byTerm, ...(body ?? []).map(normEvidence).filter((o) => !termCodes.has(o.code))]
      .slice(0, MAX_OPTIONS);
    panelState('evidence-status', 'ok', S.options.length ? '' : t('evidence.noMatch'));
    renderOptions();
  } catch (e) {
    closeOptions();
    panelError('evidence-status', e);
  }
}, 200);

function renderOptions() {
  const list = clear($('evidence-options'));
  S.activeOption = S.options.length ? 0 : -1;
  S.options.forEach((o, i) => {
    list.append(el('li', {
      id: `evidence-option-${i}`, role: 'option', class: 'combo-option', 'aria-selected': i === 0 ? 'true' : 'false',
      dataset: { code: o.code },
      onmousedown: (ev) => { ev.preventDefault(); pick(i); },
    }, el('span', { lang: o.lang || null, text: o.label }),
    o.question && o.question !== o.label ? el('span', { class: 'muted option-question', text: ` · ${o.question}` }) : null));
  });
  list.hidden = S.options.length === 0;
  $('evidence-input').setAttribute('aria-expanded', String(!list.hidden));
  markActive();
}

function markActive() {
  const input = $('evidence-input');
  [...$('evidence-options').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === S.activeOption)));
  if (S.activeOption >= 0) input.setAttribute('aria-activedescendant', `evidence-option-${S.activeOption}`);
  else input.removeAttribute('aria-activedescendant');
}

function closeOptions() {
  S.options = [];
  S.activeOption = -1;
  clear($('evidence-options')).hidden = true;
  $('evidence-input').setAttribute('aria-expanded', 'false');
  $('evidence-input').removeAttribute('aria-activedescendant');
}

function pick(i) {
  const o = S.options[i];
  if (!o) return;
  S.picked = o;
  closeOptions();
  $('evidence-input').value = '';
  $('evidence-value-row').hidden = false;
  $('evidence-picked').textContent = o.label;
  const select = clear($('evidence-value'));
  const scale = $('evidence-scale');
  select.hidden = o.values.length === 0 || o.scale;
  scale.hidden = !o.scale;
  if (o.scale) {
    const nums = o.values.map((v) => Number(v.code));
    scale.min = String(Math.min(...nums));
    scale.max = String(Math.max(...nums));
    scale.value = scale.min;
    scale.setAttribute('aria-label', t('evidence.intensity'));
    scale.focus();
  } else if (o.values.length) {
    select.append(el('option', { value: '', text: t('evidence.chooseValue') }));
    for (const v of o.values) select.append(el('option', { value: v.code, text: v.label }));
    select.focus();
  } else {
    $('evidence-add').focus();
  }
}

/** Records a clinical word: each evidence it stands for, present (or, for plain ones, absent). */
function addTerm(o, present) {
  o.evidences.forEach((ev, i) => {
    const [code, value] = ev.split('_@_');
    const last = i === o.evidences.length - 1;
    if (!present && value) return;
    recordEvidence({ code, value: value ?? null, label: last ? o.label : (shortLabel(code) ?? o.label),
      valueLabel: '', present, source: 'picker', multi: Boolean(value), lang: o.lang });
  });
}

function addPicked(present) {
  const o = S.picked;
  if (!o) return;
  if (o.term) {
    addTerm(o, present);
    S.picked = null;
    $('evidence-value-row').hidden = true;
    $('evidence-input').focus();
    return;
  }
  let value = null;
  let valueLabel = '';
  let isPresent = present;
  if (present && o.scale) {
    value = String(Math.round(Number($('evidence-scale').value)));
    valueLabel = value;
  } else if (present && o.values.length) {
    value = $('evidence-value').value;
    if (!value) {
      panelState('evidence-status', 'error', t('evidence.chooseValue'));
      $('evidence-value').focus();
      return;
    }
    const chosen = o.values.find((v) => v.code === value) || { code: value, label: value };
    if (meansNotApplicable(chosen)) {
      isPresent = false;
      value = null;
    } else {
      valueLabel = chosen.label;
    }
  }
  // A present detail (pain location, intensity...) also answers its parent question: the server records it.
  recordEvidence({ code: o.code, value, label: o.label, valueLabel, present: isPresent, source: 'picker', multi: o.multi, lang: language() });
  S.picked = null;
  $('evidence-value-row').hidden = true;
  $('evidence-input').focus();
}

/**
 * Records an answer: shown at once, sent to the server as a command (an answer to a next question as
 * such); the server's view replaces the local list when it arrives.
 */
export function recordEvidence(e) {
  S.evidences = S.evidences.filter((x) => !(x.code === e.code
    && (!e.multi || x.value === e.value || !e.present || !x.present)));
  S.evidences.push(e);
  renderEvidences();
  send([{ type: e.source === 'question' ? 'answer-question' : 'add-evidence', code: e.code, value: e.value ?? null,
    present: e.present }]);
}

export function renderEvidences() {
  const list = clear($('evidence-chips'));
  if (!S.evidences.length) list.append(el('li', { class: 'muted', text: t('evidence.none') }));
  S.evidences.forEach((e, i) => {
    const text = e.valueLabel ? `${e.label}: ${e.valueLabel}` : e.label;
    list.append(el('li', { class: `chip ${e.present ? 'chip-present' : 'chip-absent'}`, dataset: { evidence: evidenceString(e), present: String(e.present) } },
      el('span', { class: 'chip-text', text, lang: e.lang && e.lang !== language() ? e.lang : null }),
      el('span', { class: 'chip-tag', text: t(e.present ? 'evidence.present' : 'evidence.absent') }),
      S.signed ? null : el('button', {
        type: 'button', class: 'chip-x', 'aria-label': t('common.remove', text), text: '×',
        onclick: () => {
          S.evidences.splice(i, 1);
          renderEvidences();
          send([{ type: 'remove-evidence', code: e.code, value: e.value ?? null }]);
        },
      })));
  });
}

// ---------------------------------------------------------------- note and findings

/** The note as typed goes to the server, which reads it and answers the findings with the view. */
export const analyseNote = debounce(() => {
  panelState('note-status', 'working');
  send([{ type: 'set-note', text: $('note-text').value }]);
}, 700);

export function renderFindings() {
  answerLine('note-answer', { at: S.noteAt, stale: S.noteStale });
  const list = clear($('finding-chips'));
  const visible = S.findings.filter((f) => !f.removed);
  if (!visible.length) list.append(el('li', { class: 'muted', text: t('note.noFindings') }));
  for (const f of visible) {
    const statusKey = `note.status.${f.status}`;
    list.append(el('li', {
      class: `chip chip-${f.status === 'denied' ? 'absent' : f.status === 'present' ? 'present' : 'other'}${f.confirmed ? ' chip-confirmed' : ''}`,
      dataset: { finding: f.text, status: f.status, evidence: f.evidence ?? '' },
    },
    el('span', { class: 'chip-text', text: f.text, lang: S.noteLang && S.noteLang !== language() ? S.noteLang : null }),
    el('span', { class: 'chip-tag', text: has(statusKey) ? t(statusKey) : f.status }),
    f.evidence ? null : el('span', { class: 'chip-tag muted', text: t('note.unmapped') }),
    f.confirmed ? el('span', { class: 'chip-tag', text: t('note.confirmed') }) : null,
    S.signed || f.confirmed ? null : el('button', {
      type: 'button', class: 'chip-ok', 'aria-label': t('note.confirm', f.text), text: '✓',
      onclick: () => { f.confirmed = true; renderFindings(); send([{ type: 'confirm-finding', key: f.key }]); },
    }),
    S.signed ? null : el('button', {
      type: 'button', class: 'chip-x', 'aria-label': t('common.remove', f.text), text: '×',
      onclick: () => { f.removed = true; renderFindings(); send([{ type: 'remove-finding', key: f.key }]); },
    })));
  }
}

export function initEvidence() {
  const input = $('evidence-input');
  input.addEventListener('input', () => searchEvidences(input.value.trim()));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && S.options.length) {
      S.activeOption = (S.activeOption + 1) % S.options.length;
      markActive();
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp' && S.options.length) {
      S.activeOption = (S.activeOption - 1 + S.options.length) % S.options.length;
      markActive();
      ev.preventDefault();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (S.activeOption >= 0) pick(S.activeOption);
    } else if (ev.key === 'Escape') {
      closeOptions();
    }
  });
  input.addEventListener('blur', () => setTimeout(closeOptions, 150));
  $('evidence-add').addEventListener('click', () => addPicked(true));
  $('evidence-add-absent').addEventListener('click', () => addPicked(false));
  for (const id of ['evidence-value', 'evidence-scale']) {
    $(id).addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        addPicked(true);
      }
    });
  }
  $('note-text').addEventListener('input', () => {
    persistDraft();
    analyseNote();
  });
}
