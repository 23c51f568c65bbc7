// The consultation screen's one state object, its initial value, and what every feature shares:
// answer stamps (which answer a panel shows and how fresh), feedback, the draft, a tiny event bus.
import { post, put, BUDGET, Latest } from '../api.js';
import { $, el, debounce, labelOf } from '../dom.js';
import { t, language } from '../i18n.js';
import { saveLocalDraft } from '../draft.js';

export { failureText } from '../panel.js';

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
    // note and its findings
    findings: [],
    notePresent: [],
    noteAbsent: [],
    unmappedFindings: null, // null: the summary answer had no such field (an older server)
    noteLang: null,
    noteAt: null,
    noteStale: null,
    removedFindings: new Set(),
    confirmedFindings: new Set(),
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
  note: new Latest(),
  rx: new Latest(),
  tests: new Latest(),
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

export function arrayOf(body, ...names) {
  if (Array.isArray(body)) return body;
  for (const n of names) if (body && Array.isArray(body[n])) return body[n];
  return [];
}

export function evidenceString(e) {
  return e.value === null || e.value === undefined || e.value === '' ? e.code : `${e.code}_@_${e.value}`;
}

export function modelOf(ddx) {
  const m = ddx && ddx.model;
  return m ? { bundle: m.bundle ?? m.id ?? null, version: m.version ?? null } : null;
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
  return { note: $('note-text').value, evidences: S.evidences, prescriptions: S.rx };
}

export const saveServerDraft = debounce(() => {
  if (!S.consultation || S.signed) return;
  put(`/api/v1/consultations/${S.consultation.id}/draft`, draftBody(), { budgetMs: BUDGET.save })
    .catch(() => { /* the local draft keeps it; the next change retries */ });
}, 2000);

export function persistDraft() {
  if (!S.consultation || S.signed) return;
  saveLocalDraft(S.consultation.id, { ...draftBody(), removedFindings: [...S.removedFindings] });
  saveServerDraft();
}

/** Saves what the doctor typed to the server now (before a logout). */
export async function flushDraft() {
  if (!S.consultation || S.signed) return;
  await put(`/api/v1/consultations/${S.consultation.id}/draft`, draftBody(), { budgetMs: BUDGET.save });
}

export { labelOf };
