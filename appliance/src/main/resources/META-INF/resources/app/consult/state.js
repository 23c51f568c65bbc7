// The consultation screen's one state object, its initial value, and what every feature shares:
// the server's consultation view (commands out, one view back), answer stamps (which answer a panel
// shows and how fresh), feedback, the draft, a tiny event bus.
import { get, post, put, BUDGET, Latest } from '../api.js';
import { $, el, debounce, labelOf } from '../dom.js';
import { t, language } from '../i18n.js';
import { saveLocalDraft } from '../draft.js';
import { failureText } from '../panel.js';

export { failureText };

/** A fresh state: every field a feature keeps, with its empty value. */
export function initialState() {
  return {
    consultation: null,
    patient: null,
    // evidence picker and chips
    evidences: [],
    options: [],
    activeOption: -1,
    picked: null,
    // the last consultation view the server answered, and its commands not yet answered
    view: null,
    pending: [],
    // note and its findings (each with the key its commands name, removed and confirmed marks)
    findings: [],
    noteLang: null,
    noteAt: null,
    noteStale: null,
    // differential: the last answer received is kept when a newer request fails
    ddx: null,
    ddxAt: null,
    ddxStale: null,
    expanded: new Set(),
    tests: null,
    testsAt: null,
    testsForDdxAt: null,
    testsStale: null,
    // prescription: the last check is kept, marked stale, when a re-check fails
    rx: [],
    rxCheck: null,
    rxCheckAt: null,
    rxCheckedList: [],
    rxStale: null,
    serverAlerts: null,
    reasons: new Map(),
    reasonCodes: new Map(),
    savedOverrides: [],
    // preventive care: the last answer, kept marked when a newer one fails
    preventive: null,
    preventiveAt: null,
    preventiveStale: null,
    // summary and sign-off
    structured: null,
    signed: false,
    feedback: new Map(),
  };
}

/** The consultation's state; reset() puts initialState() back in place. */
export const S = initialState();

export function resetState() {
  Object.assign(S, initialState());
}

/** One Latest per series of calls: a newer call supersedes the older one. */
export const latest = {
  evidence: new Latest(),
  ddx: new Latest(),
  view: new Latest(),
};

const listeners = new Map();

/** Subscribes fn to a named event ('evidence-changed', 'differential', 'prescription-changed'). */
export function on(event, fn) {
  if (!listeners.has(event)) listeners.set(event, []);
  listeners.get(event).push(fn);
}

export function emit(event, ...args) {
  for (const fn of listeners.get(event) ?? []) fn(...args);
}

/** The array `body[name]` of a documented answer, or an empty one when the answer is absent. */
export function arrayOf(body, name) {
  return body && Array.isArray(body[name]) ? body[name] : [];
}

export function evidenceString(e) {
  return e.value === null || e.value === undefined || e.value === '' ? e.code : `${e.code}_@_${e.value}`;
}

/** The model that produced a differential: {bundle, version} as the server documents it. */
export function modelOf(ddx) {
  const m = ddx && ddx.model;
  return m ? { bundle: m.bundle, version: m.version } : null;
}

/** The time of day of a Date in the UI's language, to the second. */
export function clock(date) {
  return date ? date.toLocaleTimeString(language() === 'en' ? 'en-GB' : 'es-ES') : '';
}

/**
 * Writes a panel's answer line: which answer it shows (source, time) and whether it is current.
 * stale: null when current, else the failure text of the newer request that did not arrive.
 */
export function answerLine(id, { at, source = '', stale = null, none = '' }) {
  const line = $(id);
  if (!line) return;
  line.dataset.stale = String(Boolean(stale && at));
  line.classList.toggle('stale', Boolean(stale && at));
  if (!at) {
    line.textContent = stale ? t('fresh.never', stale) : none;
    return;
  }
  const src = source ? ` · ${source}` : '';
  if (stale) {
    line.replaceChildren(el('strong', { class: 'stale-tag', text: t('fresh.notUpdated') }), ' ',
      t('fresh.staleAnswer', stale, clock(at), src));
  } else {
    line.textContent = t('fresh.answer', clock(at), src);
  }
}

export function feedback(kind, item, action, extra = {}) {
  if (!S.consultation || S.signed || item === null || item === undefined) return;
  const key = `${kind}|${item}|${action}`;
  if (action === 'shown' && S.feedback.has(key)) return;
  S.feedback.set(key, true);
  post(`/api/v1/consultations/${S.consultation.id}/feedback`,
    { kind, item: String(item), action, ...extra }, { budgetMs: BUDGET.save })
    .catch(() => S.feedback.delete(key));
}

function draftBody() {
  return { note: $('note-text').value, prescriptions: S.rx };
}

export const saveServerDraft = debounce(() => {
  if (!S.consultation || S.signed) return;
  put(`/api/v1/consultations/${S.consultation.id}/draft`, draftBody(), { budgetMs: BUDGET.save })
    .catch(() => { /* the local draft keeps it; the next change retries */ });
}, 2000);

export function persistDraft() {
  if (!S.consultation || S.signed) return;
  saveLocalDraft(S.consultation.id, draftBody());
  saveServerDraft();
}

/** Saves what the doctor typed to the server now (before a logout). */
export async function flushDraft() {
  if (!S.consultation || S.signed) return;
  await put(`/api/v1/consultations/${S.consultation.id}/draft`, draftBody(), { budgetMs: BUDGET.save });
}

export { labelOf };

// ---------------------------------------------------------------- the server's consultation view

/** How a section that did not answer explains itself, in the doctor's words. */
export function sectionText(section) {
  const p = section && section.problem;
  if (!p) return '';
  if (section.status === 'unavailable') return t('fresh.why.moduleOff');
  if (section.status === 'incomplete') return p.detail ?? p.title;
  return t('fresh.why.error', p.status ?? '');
}

/**
 * Sends the doctor's commands (with those of earlier requests that got no answer: every command is
 * idempotent) and applies the view the server answers. A newer request supersedes an older one; an
 * answer for another consultation than the one on screen is dropped.
 */
export async function send(commands = []) {
  if (!S.consultation || S.signed) return;
  S.pending.push(...commands);
  const batch = S.pending.slice();
  const forConsultation = S.consultation.id;
  const signal = latest.view.start();
  emit('view-working');
  try {
    const view = await post(`/api/v1/consultations/${encodeURIComponent(forConsultation)}/commands`,
      { language: language(), commands: batch }, { budgetMs: BUDGET.view, signal });
    if (!S.consultation || S.consultation.id !== forConsultation) return;
    S.pending.splice(0, batch.length);
    applyView(view);
  } catch (e) {
    if (e.kind === 'superseded' || !S.consultation || S.consultation.id !== forConsultation) return;
    viewFailed(e);
  }
}

/** Loads the view without a command (opening, language change). */
export async function loadView() {
  if (!S.consultation) return;
  if (S.pending.length && !S.signed) {
    send();
    return;
  }
  const forConsultation = S.consultation.id;
  const signal = latest.view.start();
  emit('view-working');
  try {
    const view = await get(`/api/v1/consultations/${encodeURIComponent(forConsultation)}/workspace?language=${language()}`,
      { budgetMs: BUDGET.view, signal });
    if (!S.consultation || S.consultation.id !== forConsultation) return;
    applyView(view);
  } catch (e) {
    if (e.kind === 'superseded' || !S.consultation || S.consultation.id !== forConsultation) return;
    viewFailed(e);
  }
}

/**
 * Takes each section of the view: an answer replaces the last one; a section without an answer
 * keeps the last one on screen, marked not updated with the reason.
 */
function applyView(view) {
  const now = new Date();
  S.view = view;
  S.consultation = view.consultation;
  S.evidences = view.evidences;
  S.rx = view.consultation.prescriptions;
  S.savedOverrides = arrayOf(view.consultation, 'overrides');
  const take = (section, fields) => {
    if (section.status === 'ok') Object.assign(S, { [fields.value]: section.answer, [fields.at]: now, [fields.stale]: null });
    else if (section.status === 'empty') Object.assign(S, { [fields.value]: null, [fields.at]: null, [fields.stale]: null });
    else S[fields.stale] = sectionText(section);
  };
  take(view.note, { value: 'noteReading', at: 'noteAt', stale: 'noteStale' });
  S.findings = S.noteReading ? S.noteReading.findings : [];
  S.structured = S.noteReading ? S.noteReading.structured : null;
  S.noteLang = S.structured ? String(S.structured.language).toLowerCase() : null;
  take(view.diagnosis, { value: 'ddx', at: 'ddxAt', stale: 'ddxStale' });
  take(view.tests, { value: 'tests', at: 'testsAt', stale: 'testsStale' });
  S.testsForDdxAt = S.ddxAt;
  take(view.medication, { value: 'rxCheck', at: 'rxCheckAt', stale: 'rxStale' });
  if (view.medication.status === 'ok') {
    S.rxCheckedList = [...S.rx];
    S.serverAlerts = null;
  } else if (view.medication.status === 'empty') {
    S.rxCheckedList = [];
  }
  take(view.preventive, { value: 'preventive', at: 'preventiveAt', stale: 'preventiveStale' });
  emit('view', view);
}

/** The request failed as a whole: every panel keeps its last answer, marked with why. */
function viewFailed(e) {
  const why = failureText(e);
  for (const stale of ['noteStale', 'ddxStale', 'testsStale', 'preventiveStale']) S[stale] = why;
  if (S.rx.length) S.rxStale = why;
  emit('view-failed', e);
}
