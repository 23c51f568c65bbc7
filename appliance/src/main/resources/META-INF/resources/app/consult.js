// The consultation screen: evidences, note and findings, differential and next questions,
// recommended tests, prescription with safety alerts, preventive care, summary and sign-off.
// Every module is called with its own time budget; a failing module only greys out its panel.
import { get, post, put, BUDGET, Latest, ApiError } from './api.js';
import { $, el, clear, debounce, fold, labelOf, ageOf } from './dom.js';
import { t, has, language } from './i18n.js';
import { panelError, panelState } from './panel.js';
import { normalizePatient, patientLabel } from './patients.js';
import { saveLocalDraft, loadLocalDraft, dropLocalDraft } from './draft.js';

const MAX_DDX_ROWS = 8;
const MAX_OPTIONS = 12;
const OVERRIDE_MIN_CHARS = 3;

const S = {
  consultation: null,
  patient: null,
  evidences: [],
  findings: [],
  notePresent: [],
  noteAbsent: [],
  removedFindings: new Set(),
  confirmedFindings: new Set(),
  ddx: null,
  ddxFailed: false,
  expanded: new Set(),
  feedback: new Map(),
  rx: [],
  rxCheck: null,
  reasons: new Map(),
  structured: null,
  signed: false,
  options: [],
  activeOption: -1,
  picked: null,
};

const latestEvidence = new Latest();
const latestDdx = new Latest();
const latestNote = new Latest();
const latestRx = new Latest();
const latestTests = new Latest();

// ---------------------------------------------------------------- helpers

function evidenceString(e) {
  return e.value === null || e.value === undefined || e.value === '' ? e.code : `${e.code}_@_${e.value}`;
}

function normEvidence(e) {
  const values = (e.values ?? e.possibleValues ?? e.possible_values ?? []).map((v) =>
    (typeof v === 'object' && v !== null
      ? { code: String(v.code ?? v.value ?? v.id), label: labelOf(v.label ?? v.text ?? v.name ?? v.code ?? v.value) }
      : { code: String(v), label: String(v) }));
  const parent = e.parent && typeof e.parent === 'object' ? (e.parent.code ?? null) : (e.parent ?? null);
  return {
    code: labelOf(e.code ?? e.evidence ?? e.name),
    label: labelOf(e.question ?? e.label ?? e.text ?? e.name ?? e.code),
    values,
    scale: values.length > 0 && values.every((v) => /^\d+$/.test(v.code)),
    multi: /multi/i.test(String(e.type ?? e.dataType ?? '')),
    parent,
    parentLabel: labelOf(e.parentQuestion ?? e.parentLabel ?? parent),
  };
}

function arrayOf(body, ...names) {
  if (Array.isArray(body)) return body;
  for (const n of names) if (body && Array.isArray(body[n])) return body[n];
  return [];
}

function modelOf(ddx) {
  const m = ddx && ddx.model;
  return m ? { bundle: m.bundle ?? m.id ?? null, version: m.version ?? null } : null;
}

function feedback(kind, item, action, extra = {}) {
  if (!S.consultation || S.signed || item === null || item === undefined) return;
  const key = `${kind}|${item}|${action}`;
  if (action === 'shown' && S.feedback.has(key)) return;
  S.feedback.set(key, true);
  post(`/api/v1/consultations/${S.consultation.id}/feedback`,
    { kind, item: String(item), action, ...extra }, { budgetMs: BUDGET.save })
    .catch(() => S.feedback.delete(key));
}

function persistDraft() {
  if (!S.consultation || S.signed) return;
  saveLocalDraft(S.consultation.id, {
    note: $('note-text').value,
    evidences: S.evidences,
    prescriptions: S.rx,
    removedFindings: [...S.removedFindings],
  });
  saveServerDraft();
}

const saveServerDraft = debounce(() => {
  if (!S.consultation || S.signed) return;
  put(`/api/v1/consultations/${S.consultation.id}/draft`, {
    note: $('note-text').value,
    evidences: S.evidences,
    prescriptions: S.rx,
  }, { budgetMs: BUDGET.save }).catch(() => { /* the local draft keeps it; the next change retries */ });
}, 2000);

/** Saves what the doctor typed to the server now (before a logout). */
export async function flushDraft() {
  if (!S.consultation || S.signed) return;
  await put(`/api/v1/consultations/${S.consultation.id}/draft`, {
    note: $('note-text').value, evidences: S.evidences, prescriptions: S.rx,
  }, { budgetMs: BUDGET.save });
}

// ---------------------------------------------------------------- evidence picker

const searchEvidences = debounce(async (q) => {
  if (q.length < 2) {
    closeOptions();
    return;
  }
  const signal = latestEvidence.start();
  try {
    const body = await get(`/api/v1/diagnosis/evidences?q=${encodeURIComponent(q)}&language=${language()}`,
      { budgetMs: BUDGET.quick, signal });
    S.options = arrayOf(body, 'evidences', 'items', 'results').map(normEvidence).slice(0, MAX_OPTIONS);
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
    }, o.label));
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

function addPicked(present) {
  const o = S.picked;
  if (!o) return;
  let value = null;
  let valueLabel = '';
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
    valueLabel = (o.values.find((v) => v.code === value) || {}).label || value;
  }
  // A detail (pain location, intensity...) implies its parent question was answered yes.
  if (present && o.parent && !S.evidences.some((x) => x.code === o.parent && x.present)) {
    S.evidences = S.evidences.filter((x) => x.code !== o.parent);
    S.evidences.push({ code: o.parent, value: null, label: o.parentLabel, valueLabel: '', present: true, source: 'picker', multi: false });
  }
  recordEvidence({ code: o.code, value, label: o.label, valueLabel, present, source: 'picker', multi: o.multi });
  S.picked = null;
  $('evidence-value-row').hidden = true;
  $('evidence-input').focus();
}

function recordEvidence(e) {
  // A new answer replaces an earlier one for the same evidence; multi-choice ones keep other values.
  S.evidences = S.evidences.filter((x) => !(x.code === e.code
    && (!e.multi || x.value === e.value || !e.present || !x.present)));
  S.evidences.push(e);
  renderEvidences();
  persistDraft();
  scheduleDiagnosis();
}

function renderEvidences() {
  const list = clear($('evidence-chips'));
  if (!S.evidences.length) list.append(el('li', { class: 'muted', text: t('evidence.none') }));
  S.evidences.forEach((e, i) => {
    const text = e.valueLabel ? `${e.label}: ${e.valueLabel}` : e.label;
    list.append(el('li', { class: `chip ${e.present ? 'chip-present' : 'chip-absent'}`, dataset: { evidence: evidenceString(e) } },
      el('span', { class: 'chip-text', text }),
      el('span', { class: 'chip-tag', text: t(e.present ? 'evidence.present' : 'evidence.absent') }),
      S.signed ? null : el('button', {
        type: 'button', class: 'chip-x', 'aria-label': t('common.remove', text), text: '×',
        onclick: () => { S.evidences.splice(i, 1); renderEvidences(); persistDraft(); scheduleDiagnosis(); },
      })));
  });
}

// ---------------------------------------------------------------- note and findings

const analyseNote = debounce(async () => {
  const text = $('note-text').value;
  if (!text.trim()) {
    S.findings = [];
    S.notePresent = [];
    S.noteAbsent = [];
    renderFindings();
    scheduleDiagnosis();
    return;
  }
  const signal = latestNote.start();
  panelState('note-status', 'working');
  try {
    const note = await post('/api/v1/summary', { text, language: 'auto' }, { budgetMs: BUDGET.summary, signal });
    S.findings = arrayOf(note, 'findings');
    S.notePresent = arrayOf(note, 'evidences').filter((e) => typeof e === 'string');
    S.noteAbsent = arrayOf(note, 'absent').filter((e) => typeof e === 'string');
    panelState('note-status', 'ok', '');
    renderFindings();
    scheduleDiagnosis();
  } catch (e) {
    panelError('note-status', e);
  }
}, 700);

function findingKey(f) {
  return `${fold(f.text)}|${f.status}|${f.evidence ?? ''}`;
}

function renderFindings() {
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
    el('span', { class: 'chip-text', text: f.text }),
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
        scheduleDiagnosis();
      },
    })));
  }
}

/** Evidences for the diagnosis: the picked ones plus the note's mapped findings not removed. */
function diagnosisInput() {
  const present = new Set();
  const absent = new Set();
  for (const e of S.evidences) (e.present ? present : absent).add(e.present ? evidenceString(e) : e.code);
  // The note's own lists are ready for the diagnosis API; findings the doctor removed are left out.
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

// ---------------------------------------------------------------- differential and questions

const scheduleDiagnosis = debounce(() => runDiagnosis(), 250);

async function runDiagnosis() {
  const { evidences, absent } = diagnosisInput();
  if (!evidences.length) {
    S.ddx = null;
    S.ddxFailed = false;
    renderDifferential();
    panelState('ddx-status', 'ok', '');
    return;
  }
  const p = S.patient;
  const body = { evidences, absent, language: language() };
  const age = p ? ageOf(p.birthDate) : null;
  if (age !== null) body.age = age;
  if (p && (p.sex === 'M' || p.sex === 'F')) body.sex = p.sex;
  const signal = latestDdx.start();
  panelState('ddx-status', 'working');
  try {
    S.ddx = await post('/api/v1/diagnosis', body, { budgetMs: BUDGET.diagnosis, signal });
    S.ddxFailed = false;
    panelState('ddx-status', 'ok', '');
    $('questions-panel').dataset.state = 'ok';
    renderDifferential();
    const model = modelOf(S.ddx);
    for (const d of arrayOf(S.ddx, 'differential').slice(0, 5)) feedback('diagnosis', d.code, 'shown', { model });
    for (const q of arrayOf(S.ddx, 'nextQuestions').slice(0, 3)) feedback('question', q.evidence, 'shown', { model });
    loadTests();
  } catch (e) {
    if (e.kind === 'superseded') return;
    S.ddx = null;
    S.ddxFailed = true;
    renderDifferential();
    panelError('ddx-status', e);
    $('questions-panel').dataset.state = $('ddx-panel').dataset.state;
  }
}

function probabilityText(p) {
  if (typeof p !== 'number' || Number.isNaN(p)) return '';
  if (p < 0.01) return t('ddx.belowOne');
  return t('ddx.approx', Math.max(5, Math.round(p * 20) * 5));
}

function renderDifferential() {
  const list = clear($('ddx-list'));
  const ddx = S.ddx;
  const model = modelOf(ddx);
  $('ddx-source').textContent = model ? t('common.model', model.bundle ?? '', model.version ?? '') : '';
  const fb = $('ddx-fallback');
  fb.hidden = !(ddx && ddx.fallback);
  fb.textContent = ddx && ddx.fallback ? t('ddx.fallback', ddx.fallbackReason ?? ddx.reason ?? t('ddx.fallbackGeneric')) : '';
  const flags = ddx ? arrayOf(ddx, 'redFlags') : [];
  $('ddx-redflags').hidden = flags.length === 0;
  const flagList = clear($('ddx-redflag-list'));
  for (const f of flags) {
    const code = typeof f === 'object' && f !== null ? f.code : f;
    const cand = arrayOf(ddx, 'differential').find((d) => d.code === code);
    flagList.append(el('li', { dataset: { code: code ?? '' } }, cand ? cand.name : labelOf(f)));
  }
  const rows = ddx ? arrayOf(ddx, 'differential').slice(0, MAX_DDX_ROWS) : [];
  if (!rows.length && !S.ddxFailed) list.append(el('li', { class: 'muted ddx-empty', text: t('ddx.empty') }));
  for (const d of rows) list.append(differentialRow(d, model));
  renderQuestions();
  renderFinalDiagnosisOptions();
}

function differentialRow(d, model) {
  const open = S.expanded.has(d.code);
  const severe = typeof d.severity === 'number' && d.severity <= 2;
  const bar = el('span', { class: 'bar-fill' });
  bar.style.width = `${Math.max(1, Math.min(100, Math.round((d.probability ?? 0) * 100)))}%`;
  const whyId = `ddx-why-${d.code}`;
  const state = S.feedback.has(`diagnosis|${d.code}|accepted`) ? 'accepted'
    : S.feedback.has(`diagnosis|${d.code}|dismissed`) ? 'dismissed' : '';
  return el('li', { class: `ddx-row${severe ? ' ddx-severe' : ''}${state ? ` ddx-${state}` : ''}`, dataset: { code: d.code } },
    el('div', { class: 'ddx-head' },
      el('span', { class: 'ddx-name', text: d.name ?? d.code }),
      d.icd10 ? el('span', { class: 'muted', text: ` ${d.icd10}` }) : null,
      d.severity !== undefined && d.severity !== null
        ? el('span', { class: `badge${severe ? ' badge-danger' : ''}`, text: t('ddx.severity', d.severity) }) : null,
      state ? el('span', { class: 'badge', text: t(`ddx.${state}`) }) : null),
    el('div', { class: 'ddx-bar-row' },
      el('span', { class: 'bar', role: 'img', 'aria-label': `${t('ddx.probability')} ${probabilityText(d.probability)}` }, bar),
      el('span', { class: 'ddx-prob', text: probabilityText(d.probability) }),
      el('button', {
        type: 'button', class: 'small', 'aria-expanded': String(open), 'aria-controls': whyId, text: t('ddx.why'),
        onclick: () => { if (open) S.expanded.delete(d.code); else S.expanded.add(d.code); renderDifferential(); },
      }),
      S.signed ? null : el('button', {
        type: 'button', class: 'small chip-ok', 'aria-label': t('ddx.accept', d.name), text: '✓',
        onclick: () => { feedback('diagnosis', d.code, 'accepted', { model }); renderDifferential(); },
      }),
      S.signed ? null : el('button', {
        type: 'button', class: 'small chip-x', 'aria-label': t('ddx.dismiss', d.name), text: '×',
        onclick: () => { feedback('diagnosis', d.code, 'dismissed', { model }); renderDifferential(); },
      })),
    el('div', { class: 'ddx-why', id: whyId, hidden: !open },
      el('strong', { text: t('ddx.supporting') }),
      el('ul', { class: 'list' }, (d.supporting ?? []).map((s) => el('li', { text: labelOf(s) }))),
      el('strong', { text: t('ddx.missing') }),
      el('ul', { class: 'list' }, (d.missing ?? []).map((s) => el('li', { text: labelOf(s) }))),
      (d.unexplained ?? []).length ? el('strong', { text: t('ddx.unexplained') }) : null,
      (d.unexplained ?? []).length
        ? el('ul', { class: 'list unexplained' }, d.unexplained.map((s) => el('li', { text: labelOf(s) })))
        : null));
}

function renderQuestions() {
  const list = clear($('question-list'));
  const qs = S.ddx ? arrayOf(S.ddx, 'nextQuestions') : [];
  if (!qs.length) list.append(el('li', { class: 'muted', text: t('questions.empty') }));
  for (const q of qs.slice(0, 5)) {
    const values = (q.values ?? []).map((v) => (typeof v === 'object' && v !== null
      ? { code: String(v.code ?? v.value), label: labelOf(v.label ?? v.text ?? v.name ?? v.code ?? v.value) }
      : { code: String(v), label: String(v) }));
    const answer = (value, valueLabel, present) => {
      feedback('question', q.evidence, 'accepted', { model: modelOf(S.ddx) });
      recordEvidence({ code: q.evidence, value, label: q.question ?? q.evidence, valueLabel, present, source: 'question' });
    };
    const buttons = values.length
      ? values.slice(0, MAX_OPTIONS).map((v) => el('button', { type: 'button', class: 'small', text: v.label,
        onclick: () => answer(v.code, v.label, true) }))
      : [el('button', { type: 'button', class: 'small', text: t('questions.answerYes'), onclick: () => answer(null, '', true) })];
    buttons.push(el('button', { type: 'button', class: 'small', text: t('questions.answerNo'), onclick: () => answer(null, '', false) }));
    list.append(el('li', { class: 'question', dataset: { evidence: q.evidence } },
      el('span', { class: 'question-text', text: q.question ?? q.evidence }),
      el('span', { class: 'question-answers' }, S.signed ? [] : buttons)));
  }
}

// ---------------------------------------------------------------- recommended tests

async function loadTests() {
  const differential = S.ddx ? arrayOf(S.ddx, 'differential') : [];
  const list = $('test-list');
  if (!differential.length) {
    clear(list).append(el('li', { class: 'muted', text: t('tests.empty') }));
    return;
  }
  const signal = latestTests.start();
  panelState('tests-status', 'working');
  try {
    const body = await post('/api/v1/recommended-tests', {
      differential: differential.map((d) => ({ pathology: d.code, probability: d.probability })),
      language: language(),
    }, { budgetMs: BUDGET.quick, signal });
    const tests = arrayOf(body, 'tests', 'items', 'recommendations');
    const model = { bundle: 'workup-knowledge', version: body && body.knowledgeVersion ? String(body.knowledgeVersion) : null };
    clear(list);
    if (!tests.length) list.append(el('li', { class: 'muted', text: t('tests.empty') }));
    for (const x of tests.slice(0, 12)) {
      const reasons = arrayOf(x, 'reasons').map((r) => (typeof r === 'object' && r !== null
        ? [r.pathologyName ?? labelOf(r), r.purpose].filter(Boolean).join(': ') : labelOf(r))).filter(Boolean);
      const sources = Array.isArray(x.sources) ? x.sources.map(labelOf).join('; ')
        : labelOf(x.guideline ?? x.source ?? '');
      list.append(el('li', { class: 'test', dataset: { test: x.test ?? '' } },
        el('strong', { text: labelOf(x.name ?? x.test ?? x) }),
        reasons.length ? el('span', { class: 'muted', text: ` ${t('tests.for', reasons.slice(0, 3).join('; '))}` }) : null,
        sources ? el('span', { class: 'source', text: ` ${t('common.source', sources)}` }) : null));
      feedback('test', x.test ?? labelOf(x.name ?? x), 'shown', model.version ? { model } : {});
    }
    panelState('tests-status', 'ok', '');
  } catch (e) {
    if (e.kind === 'superseded') return;
    clear(list);
    panelError('tests-status', e);
  }
}

// ---------------------------------------------------------------- prescription

function alertKey(a) {
  return `${a.kind}:${(a.drugs ?? []).map((d) => fold(labelOf(d))).sort().join('+')}`;
}

function ingredientNames(m) {
  return (m.ingredients ?? []).map((i) => (typeof i === 'object' && i !== null
    ? (language() === 'en' ? i.innEn ?? i.dciEs : i.dciEs ?? i.innEn) ?? labelOf(i.key ?? i)
    : labelOf(i))).filter(Boolean);
}

const checkPrescription = debounce(() => runMedicationCheck(), 150);

async function runMedicationCheck() {
  if (!S.rx.length) {
    S.rxCheck = null;
    renderPrescription();
    return;
  }
  const signal = latestRx.start();
  panelState('rx-status', 'working');
  try {
    const body = { medications: S.rx, language: language() };
    if (S.patient) body.patientId = S.patient.id;
    S.rxCheck = await post('/api/v1/medication-check', body, { budgetMs: BUDGET.medication, signal });
    panelState('rx-status', 'ok', '');
    const model = { bundle: 'medication-knowledge', version: S.rxCheck.knowledgeVersion ? String(S.rxCheck.knowledgeVersion) : null };
    for (const a of arrayOf(S.rxCheck, 'alerts')) feedback('alert', alertKey(a), 'shown', model.version ? { model } : {});
  } catch (e) {
    if (e.kind === 'superseded') return;
    S.rxCheck = null;
    panelError('rx-status', e);
  }
  renderPrescription();
}

function alertMentions(a, input, names) {
  const folded = [input, ...names].map(fold);
  return (a.drugs ?? []).some((d) => {
    const f = fold(labelOf(d));
    return folded.some((x) => x.includes(f) || f.includes(x));
  });
}

function renderPrescription() {
  const list = clear($('rx-list'));
  const check = S.rxCheck;
  const meds = check ? arrayOf(check, 'medications') : [];
  const alerts = check ? arrayOf(check, 'alerts') : [];
  const unknown = new Set(check ? arrayOf(check, 'unknown').map((u) => labelOf(u)) : []);
  if (!S.rx.length) list.append(el('li', { class: 'muted', text: t('rx.none') }));
  S.rx.forEach((input, i) => {
    const m = meds.find((x) => x.input === input) ?? meds[i] ?? null;
    const names = m ? ingredientNames(m) : [];
    const passive = alerts.filter((a) => !a.interrupt && alertMentions(a, input, names));
    list.append(el('li', { class: 'rx-row', dataset: { drug: input } },
      el('div', { class: 'rx-head' },
        el('strong', { text: input }),
        names.length ? el('span', { class: 'muted', text: ` ${t('rx.matched', names.join(' + '))}` }) : null,
        unknown.has(input) || (m && m.matched === false) ? el('span', { class: 'badge badge-warn', text: t('rx.unknown', input) }) : null,
        S.signed ? null : el('button', { type: 'button', class: 'chip-x', 'aria-label': t('common.remove', input), text: '×',
          onclick: () => { S.rx.splice(i, 1); persistDraft(); renderPrescription(); checkPrescription(); } })),
      passive.map((a) => alertLine(a, 'alert-passive'))));
  });
  const interrupting = alerts.filter((a) => a.interrupt);
  const box = $('rx-interrupt');
  box.hidden = interrupting.length === 0;
  const ilist = clear($('rx-interrupt-list'));
  interrupting.forEach((a, i) => {
    const key = alertKey(a);
    const reasonId = `rx-reason-${i}`;
    const textarea = el('textarea', { id: reasonId, class: 'rx-reason', rows: '2', maxlength: '1000',
      dataset: { alert: key } });
    textarea.value = S.reasons.get(key) ?? '';
    textarea.addEventListener('input', () => S.reasons.set(key, textarea.value));
    ilist.append(el('li', { class: 'alert-interrupt', dataset: { alert: key, severity: a.severity } },
      alertLine(a, ''),
      el('label', { for: reasonId, text: t('rx.overrideReason') }),
      textarea));
  });
}

function alertLine(a, cls) {
  const sevKey = `rx.severity.${a.severity}`;
  const kindKey = `rx.kind.${a.kind}`;
  return el('div', { class: `alert ${cls} alert-${a.severity}`, dataset: { severity: a.severity ?? '' } },
    el('span', { class: `badge badge-${a.severity}`, text: has(sevKey) ? t(sevKey) : a.severity }),
    el('span', { class: 'muted', text: ` ${has(kindKey) ? t(kindKey) : a.kind} · ${(a.drugs ?? []).map(labelOf).join(' + ')}` }),
    el('p', { class: 'alert-message', text: labelOf(a.message) }),
    a.management ? el('p', { class: 'alert-management', text: t('rx.management', labelOf(a.management)) }) : null,
    a.source ? el('p', { class: 'source', text: t('common.source', labelOf(a.source)) }) : null);
}

async function savePrescription() {
  if (!S.consultation || S.signed) return;
  const interrupting = S.rxCheck ? arrayOf(S.rxCheck, 'alerts').filter((a) => a.interrupt) : [];
  const overrides = [];
  for (const a of interrupting) {
    const reason = (S.reasons.get(alertKey(a)) ?? '').trim();
    if (reason.length < OVERRIDE_MIN_CHARS) {
      panelState('rx-status', 'error', t('rx.reasonRequired'));
      const box = document.querySelector(`.rx-reason[data-alert="${CSS.escape(alertKey(a))}"]`);
      if (box) box.focus();
      return;
    }
    overrides.push({ kind: a.kind, drugs: (a.drugs ?? []).map(labelOf), severity: a.severity, reason });
  }
  panelState('rx-status', 'working');
  try {
    await put(`/api/v1/consultations/${S.consultation.id}/prescriptions`,
      { medications: S.rx, overrides, language: language() }, { budgetMs: BUDGET.save });
    panelState('rx-status', 'ok', t('rx.saved'));
  } catch (e) {
    panelError('rx-status', e);
  }
}

// ---------------------------------------------------------------- preventive care

async function loadPreventive() {
  if (!S.patient) return;
  const list = $('preventive-items');
  panelState('preventive-status', 'working');
  try {
    const body = await get(`/api/v1/patients/${encodeURIComponent(S.patient.id)}/preventive-care?language=${language()}`,
      { budgetMs: BUDGET.quick });
    const order = { overdue: 0, due: 1, unknown: 2, 'up-to-date': 3 };
    const items = arrayOf(body, 'items', 'recommendations')
      .filter((x) => x.status !== 'not-applicable' && x.status !== 'not_applicable')
      .sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9));
    clear(list);
    if (!items.length) list.append(el('li', { class: 'muted', text: t('prev.empty') }));
    for (const x of items) {
      const statusKey = `prev.status.${x.status}`;
      const since = x.dueDate ?? x.since;
      const next = x.nextDate ?? x.next;
      const when = (x.status === 'overdue' || x.status === 'due') && since ? t('prev.since', since) : x.status === 'up-to-date' && next ? t('prev.next', next) : '';
      const source = x.source ? labelOf(x.source) : '';
      const tip = [x.reason, x.interval, source ? t('common.source', source) : ''].filter(Boolean).join(' · ');
      list.append(el('li', { class: `chip prev-${x.status}`, title: tip || null,
        dataset: { status: x.status ?? '' } },
      el('span', { class: 'chip-text', text: labelOf(x.name ?? x.title ?? x.item ?? x) }),
      el('span', { class: 'chip-tag', text: [has(statusKey) ? t(statusKey) : x.status, when].filter(Boolean).join(' ') })));
    }
    panelState('preventive-status', 'ok', '');
  } catch (e) {
    clear(list);
    panelError('preventive-status', e);
  }
}

// ---------------------------------------------------------------- summary, sign-off, export

function renderFinalDiagnosisOptions() {
  const select = $('final-diagnosis');
  const current = select.value;
  clear(select).append(el('option', { value: '', text: t('summary.chooseDiagnosis') }));
  for (const d of S.ddx ? arrayOf(S.ddx, 'differential').slice(0, MAX_DDX_ROWS) : []) {
    select.append(el('option', { value: d.code, text: d.name ?? d.code }));
  }
  if ([...select.options].some((o) => o.value === current)) select.value = current;
}

async function generateSummary() {
  const text = $('note-text').value;
  panelState('summary-status', 'working');
  try {
    S.structured = await post('/api/v1/summary', { text, language: 'auto' }, { budgetMs: BUDGET.summary });
    $('summary-text').value = labelOf(S.structured.summary ?? S.structured.readable ?? S.structured.text ?? '');
    panelState('summary-status', 'ok', '');
  } catch (e) {
    panelError('summary-status', e);
  }
}

async function signOff() {
  if (!S.consultation || S.signed) return;
  if (!$('summary-text').value.trim()) {
    panelState('summary-status', 'error', t('summary.needSummary'));
    return;
  }
  const select = $('final-diagnosis');
  const other = $('final-diagnosis-other').value.trim();
  let finalDiagnosis = null;
  if (select.value) finalDiagnosis = { code: select.value, name: select.options[select.selectedIndex].textContent };
  else if (other) finalDiagnosis = { code: null, name: other };
  if (!finalDiagnosis) {
    panelState('summary-status', 'error', t('summary.needDiagnosis'));
    select.focus();
    return;
  }
  const { evidences, absent } = diagnosisInput();
  panelState('summary-status', 'working');
  try {
    S.consultation = await post(`/api/v1/consultations/${S.consultation.id}/sign-off`, {
      note: $('note-text').value,
      summaryText: $('summary-text').value,
      structuredNote: S.structured,
      evidences: S.evidences,
      diagnosisEvidences: evidences,
      diagnosisAbsent: absent,
      prescriptions: S.rx,
      finalDiagnosis,
      model: modelOf(S.ddx),
      language: language(),
    }, { budgetMs: BUDGET.save });
    dropLocalDraft(S.consultation.id);
    setSigned(true);
    panelState('summary-status', 'ok', t('summary.signed'));
  } catch (e) {
    panelError('summary-status', e);
  }
}

async function exportFhir() {
  if (!S.consultation) return;
  panelState('summary-status', 'working');
  try {
    const bundle = await get(`/api/v1/consultations/${S.consultation.id}/fhir`, { budgetMs: BUDGET.export });
    const count = Array.isArray(bundle && bundle.entry) ? bundle.entry.length : 0;
    panelState('summary-status', 'ok', t('summary.exported', count));
    const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: `consultation-${S.consultation.id}.fhir.json`,
      class: 'download', text: t('summary.export') });
    $('summary-status').append(' ', link);
  } catch (e) {
    panelError('summary-status', e);
  }
}

function setSigned(signed) {
  S.signed = signed;
  for (const id of ['evidence-input', 'note-text', 'rx-input', 'rx-add', 'rx-save', 'summary-generate',
    'summary-text', 'final-diagnosis', 'final-diagnosis-other', 'summary-sign']) {
    $(id).disabled = signed;
  }
  $('summary-export').disabled = !signed;
  $('view-consult').dataset.signed = String(signed);
  renderEvidences();
  renderFindings();
  renderDifferential();
  renderPrescription();
}

// ---------------------------------------------------------------- lifecycle

function reset() {
  Object.assign(S, {
    consultation: null, patient: null, evidences: [], findings: [], notePresent: [], noteAbsent: [],
    removedFindings: new Set(), ddxFailed: false,
    confirmedFindings: new Set(), ddx: null, expanded: new Set(), feedback: new Map(), rx: [], rxCheck: null,
    reasons: new Map(), structured: null, signed: false, picked: null,
  });
  $('note-text').value = '';
  $('summary-text').value = '';
  $('final-diagnosis-other').value = '';
  $('evidence-value-row').hidden = true;
  for (const id of ['evidence-status', 'note-status', 'ddx-status', 'tests-status', 'rx-status', 'summary-status', 'preventive-status']) {
    panelState(id, 'ok', '');
  }
  clear($('test-list'));
  clear($('preventive-items'));
}

/** Starts a consultation for a patient and returns its id. */
export async function startConsultation(patient) {
  const c = await post('/api/v1/consultations', { patientId: patient.id }, { budgetMs: BUDGET.save });
  return c.id;
}

/** Opens consultation `id`: loads it, restores a newer local draft, and calls every module. */
export async function openConsultation(id, showInfo) {
  reset();
  const c = await get(`/api/v1/consultations/${encodeURIComponent(id)}`, { budgetMs: BUDGET.save });
  S.consultation = c;
  S.patient = normalizePatient(await get(`/api/v1/patients/${encodeURIComponent(c.patientId)}`, { budgetMs: BUDGET.save }));
  $('topbar-patient').textContent = t('consult.patient', patientLabel(S.patient));
  $('note-text').value = c.note ?? '';
  S.evidences = Array.isArray(c.evidences) ? c.evidences : [];
  S.rx = Array.isArray(c.prescriptions) ? c.prescriptions.map(labelOf) : [];
  const signed = Boolean(c.signedOffAt);
  if (!signed) {
    const draft = loadLocalDraft(c.id);
    const serverTime = Date.parse(c.updatedAt ?? c.startedAt ?? 0) || 0;
    if (draft && draft.savedAt > serverTime) {
      $('note-text').value = draft.note ?? '';
      S.evidences = draft.evidences ?? [];
      S.rx = draft.prescriptions ?? [];
      S.removedFindings = new Set(draft.removedFindings ?? []);
      showInfo(t('draft.restored'));
      saveServerDraft();
    }
  } else {
    $('summary-text').value = c.summaryText ?? '';
    const fd = c.finalDiagnosis;
    $('final-diagnosis-other').value = fd ? labelOf(fd.name ?? fd) : '';
  }
  setSigned(signed);
  loadPreventive();
  runMedicationCheck();
  if ($('note-text').value.trim()) analyseNote.flush();
  else runDiagnosis();
}

/** Re-renders and re-asks the modules whose answers are worded in the doctor's language. */
export function languageChanged() {
  if (!S.consultation) return;
  renderEvidences();
  renderFindings();
  renderDifferential();
  renderPrescription();
  loadPreventive();
  runDiagnosis();
  runMedicationCheck();
}

export function initConsultation() {
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
  $('rx-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = $('rx-input').value.trim();
    if (!value || S.signed) return;
    S.rx.push(value);
    $('rx-input').value = '';
    persistDraft();
    renderPrescription();
    checkPrescription();
  });
  $('rx-save').addEventListener('click', savePrescription);
  $('summary-generate').addEventListener('click', generateSummary);
  $('summary-sign').addEventListener('click', signOff);
  $('summary-export').addEventListener('click', exportFhir);
}

export { ApiError };
