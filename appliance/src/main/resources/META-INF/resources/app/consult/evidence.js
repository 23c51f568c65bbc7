// Evidences: the keyboard symptom picker (an ARIA combobox), the recorded chips, the note and the
// findings read from it, and the evidence lists the diagnosis is asked with.
import { get, post, BUDGET } from '../api.js';
import { $, el, clear, debounce, fold, labelOf } from '../dom.js';
import { t, has, language } from '../i18n.js';
import { panelError, panelState } from '../panel.js';
import { S, latest, arrayOf, evidenceString, persistDraft, emit, answerLine, failureText } from './state.js';

const MAX_OPTIONS = 12;

// DDXPlus answer codes that mean the finding is absent: V_10 "No", V_11 "No aplica", V_123 "en ninguna parte".
const ABSENT_CODES = new Set(['V_10', 'V_11', 'V_123', 'N', 'NA']);
const ABSENT_LABELS = /^(no|no aplica|not applicable|n\/a|en ninguna parte|ninguna parte|nowhere|none|ninguno|ninguna)$/;

/** An answer option that means "no" or "does not apply": recorded as absent, never as present. */
export function meansNotApplicable(v) {
  return ABSENT_CODES.has(String(v.code ?? '').toUpperCase()) || ABSENT_LABELS.test(fold(v.label).trim());
}

function normValues(list) {
  return (list ?? []).map((v) => (typeof v === 'object' && v !== null
    ? { code: String(v.code ?? v.value ?? v.id), label: labelOf(v.label ?? v.text ?? v.name ?? v.code ?? v.value) }
    : { code: String(v), label: String(v) }));
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

function normEvidence(e) {
  const values = normValues(e.values);
  const parent = e.parent && typeof e.parent === 'object' ? (e.parent.code ?? null) : (e.parent ?? null);
  return {
    code: labelOf(e.code),
    // A short clinical label ("Fiebre"); the question otherwise.
    label: labelOf(e.label ?? shortLabel(labelOf(e.code)) ?? e.question ?? e.code),
    question: labelOf(e.question ?? ''),
    values,
    scale: values.length > 0 && values.every((v) => /^\d+$/.test(v.code)),
    multi: /multi/i.test(String(e.type ?? '')),
    parent,
    parentLabel: labelOf(e.parentLabel ?? shortLabel(parent) ?? e.parentQuestion ?? parent),
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
    S.options = [...byTerm, ...arrayOf(body, 'evidences').map(normEvidence).filter((o) => !termCodes.has(o.code))]
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
  // A detail (pain location, intensity...) implies its parent question was answered yes.
  if (isPresent && o.parent && !S.evidences.some((x) => x.code === o.parent && x.present)) {
    S.evidences = S.evidences.filter((x) => x.code !== o.parent);
    S.evidences.push({ code: o.parent, value: null, label: o.parentLabel, valueLabel: '', present: true, source: 'picker', multi: false });
  }
  recordEvidence({ code: o.code, value, label: o.label, valueLabel, present: isPresent, source: 'picker', multi: o.multi, lang: language() });
  S.picked = null;
  $('evidence-value-row').hidden = true;
  $('evidence-input').focus();
}

/** Records an answer; a new answer replaces an earlier one (multi-choice ones keep other values). */
export function recordEvidence(e) {
  S.evidences = S.evidences.filter((x) => !(x.code === e.code
    && (!e.multi || x.value === e.value || !e.present || !x.present)));
  S.evidences.push(e);
  renderEvidences();
  persistDraft();
  emit('evidence-changed');
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
        onclick: () => { S.evidences.splice(i, 1); renderEvidences(); persistDraft(); emit('evidence-changed'); },
      })));
  });
}

// ---------------------------------------------------------------- note and findings

export const analyseNote = debounce(async () => {
  const text = $('note-text').value;
  if (!text.trim()) {
    Object.assign(S, { findings: [], notePresent: [], noteAbsent: [], unmappedFindings: null, noteAt: null, noteStale: null });
    renderFindings();
    emit('evidence-changed');
    return;
  }
  const signal = latest.note.start();
  panelState('note-status', 'working');
  try {
    const note = await post('/api/v1/summary', { text, language: 'auto' }, { budgetMs: BUDGET.summary, signal });
    S.findings = arrayOf(note, 'findings');
    S.notePresent = arrayOf(note, 'evidences').filter((e) => typeof e === 'string');
    S.noteAbsent = arrayOf(note, 'absent').filter((e) => typeof e === 'string');
    // Only a server that reports uncoded findings accepts them back in the diagnosis request.
    S.unmappedFindings = note && Array.isArray(note.unmappedFindings) ? note.unmappedFindings.map(labelOf) : null;
    S.noteLang = note && note.language ? String(note.language).toLowerCase() : null;
    S.noteAt = new Date();
    S.noteStale = null;
    panelState('note-status', 'ok', '');
    renderFindings();
    emit('evidence-changed');
  } catch (e) {
    // The findings of the last reading stay on screen, marked not updated.
    if (e.kind === 'superseded') return;
    S.noteStale = failureText(e);
    renderFindings();
    panelError('note-status', e);
  }
}, 700);

function findingKey(f) {
  return `${fold(f.text)}|${f.status}|${f.evidence ?? ''}`;
}

export function renderFindings() {
  answerLine('note-answer', { at: S.noteAt, stale: S.noteStale });
  const list = clear($('finding-chips'));
  const visible = S.findings.filter((f) => !S.removedFindings.has(findingKey(f)));
  if (!visible.length) list.append(el('li', { class: 'muted', text: t('note.noFindings') }));
  for (const f of visible) {
    const key = findingKey(f);
    const statusKey = `note.status.${f.status}`;
    const confirmed = S.confirmedFindings.has(key);
    list.append(el('li', {
      class: `chip chip-${f.status === 'denied' ? 'absent' : f.status === 'present' ? 'present' : 'other'}${confirmed ? ' chip-confirmed' : ''}`,
      dataset: { finding: f.text, status: f.status, evidence: f.evidence ?? '' },
    },
    el('span', { class: 'chip-text', text: f.text, lang: S.noteLang && S.noteLang !== language() ? S.noteLang : null }),
    el('span', { class: 'chip-tag', text: has(statusKey) ? t(statusKey) : f.status }),
    f.evidence ? null : el('span', { class: 'chip-tag muted', text: t('note.unmapped') }),
    confirmed ? el('span', { class: 'chip-tag', text: t('note.confirmed') }) : null,
    S.signed || confirmed ? null : el('button', {
      type: 'button', class: 'chip-ok', 'aria-label': t('note.confirm', f.text), text: '✓',
      onclick: () => { S.confirmedFindings.add(key); renderFindings(); },
    }),
    S.signed ? null : el('button', {
      type: 'button', class: 'chip-x', 'aria-label': t('common.remove', f.text), text: '×',
      onclick: () => {
        S.removedFindings.add(key);
        renderFindings();
        persistDraft();
        emit('evidence-changed');
      },
    })));
  }
}

/** Evidences for the diagnosis: the picked ones plus the note's mapped findings not removed. */
export function diagnosisInput() {
  const present = new Set();
  const absent = new Set();
  for (const e of S.evidences) (e.present ? present : absent).add(e.present ? evidenceString(e) : e.code);
  const removed = new Set();
  for (const f of S.findings) {
    if (!S.removedFindings.has(findingKey(f))) continue;
    if (f.evidence) removed.add(f.evidence);
    for (const v of f.values ?? []) if (typeof v === 'string') removed.add(v);
  }
  const noteHas = (e) => removed.has(e) || removed.has(e.split('_@_')[0]);
  for (const e of S.notePresent) if (!noteHas(e)) present.add(e);
  for (const e of S.noteAbsent) if (!noteHas(e)) absent.add(e.split('_@_')[0]);
  for (const p of present) absent.delete(p.split('_@_')[0]);
  return { evidences: [...present], absent: [...absent] };
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
