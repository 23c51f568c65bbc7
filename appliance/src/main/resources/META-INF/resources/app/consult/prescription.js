// The prescription with its safety alerts. The last check answer stays on screen, marked not
// updated, when a re-check fails; when no check could run, saving asks the server, whose refusal
// carries the alerts that need a reason. Alerts offer the actions their advice implies.
import { put, BUDGET } from '../api.js';
import { $, el, clear, fold, labelOf } from '../dom.js';
import { t, has, language } from '../i18n.js';
import { panelError, panelState } from '../panel.js';
import { S, arrayOf, feedback, persistDraft, answerLine, send } from './state.js';

const OVERRIDE_MIN_CHARS = 3;
/** The coded override reasons the API accepts (shared with the fleet's override analytics). */
export const REASON_CODES = ['benefit-outweighs-risk', 'monitoring-planned', 'patient-tolerated-before', 'not-relevant', 'other'];

export function alertKey(a) {
  return `${a.kind}:${(a.drugs ?? []).map((d) => fold(labelOf(d))).sort().join('+')}`;
}

function ingredientNames(m) {
  return (m.ingredients ?? []).map((i) => (typeof i === 'object' && i !== null
    ? (language() === 'en' ? i.innEn ?? i.dciEs : i.dciEs ?? i.innEn) ?? labelOf(i.key ?? i)
    : labelOf(i))).filter(Boolean);
}

/**
 * The prescription as typed goes to the server at once (a newer request supersedes the older one,
 * so an older view never replaces a newer list), and its view carries the check against the record.
 */
export const checkPrescription = () => runMedicationCheck();

export function runMedicationCheck() {
  if (S.rx.length) panelState('rx-status', 'working');
  send([{ type: 'prescribe', medications: [...S.rx] }]);
}

/** Shows the check of a new view and reports the alerts shown. */
export function showMedication(view) {
  const section = view.medication;
  if (section.status === 'unavailable') panelState('rx-status', 'unavailable', t('fresh.why.moduleOff'));
  else if (section.status === 'failed') panelState('rx-status', 'error', section.problem ? section.problem.detail : '');
  else if (document.getElementById('rx-status').dataset.state !== 'error') panelState('rx-status', 'ok', '');
  renderPrescription();
  if (section.status === 'ok') {
    const answer = section.answer;
    const model = { bundle: 'medication-knowledge', version: answer.knowledgeVersion ? String(answer.knowledgeVersion) : null };
    for (const a of arrayOf(answer, 'alerts')) feedback('alert', alertKey(a), 'shown', model.version ? { model } : {});
  }
}

/** The alerts on screen: the server's refusal when it is newer than any check, else the last check. */
function currentAlerts() {
  if (S.serverAlerts) return S.serverAlerts;
  return S.rxCheck ? arrayOf(S.rxCheck, 'alerts') : [];
}

function alertMentions(a, input, names) {
  if ((a.inputs ?? []).includes(input)) return true;
  const folded = [input, ...names].map(fold);
  return (a.drugs ?? []).some((d) => {
    const f = fold(labelOf(d));
    return folded.some((x) => x.includes(f) || f.includes(x));
  });
}

function savedOverride(a) {
  const key = alertKey(a);
  return S.savedOverrides.find((o) => alertKey({ kind: o.kind, drugs: o.drugs }) === key) ?? null;
}

function reasonText(o) {
  const code = o.reasonCode ? t(`rx.reason.${o.reasonCode}`) : '';
  return [code, o.reason].filter(Boolean).join(' — ');
}

function changeRx(mutate) {
  mutate();
  persistDraft();
  renderPrescription();
  checkPrescription();
}

/** Buttons for what the alert's advice implies: replace the drug it names, or remove a typed one. */
function alertActions(a) {
  if (S.signed) return null;
  const replacements = arrayOf(a, 'replacements').filter((r) => S.rx.includes(r.input));
  const buttons = replacements.map((r) => el('button', {
    type: 'button', class: 'small action', dataset: { action: 'replace', input: r.input },
    text: t('rx.action.replace', r.input, r.with),
    onclick: () => changeRx(() => { S.rx = S.rx.map((x) => (x === r.input ? r.with : x)); }),
  }));
  const removable = (a.inputs ?? []).filter((i) => S.rx.includes(i));
  for (const input of replacements.length ? replacements.map((r) => r.input) : removable) {
    buttons.push(el('button', {
      type: 'button', class: 'small action', dataset: { action: 'remove', input },
      text: t('rx.action.remove', input),
      onclick: () => changeRx(() => { S.rx = S.rx.filter((x) => x !== input); }),
    }));
  }
  return buttons.length ? el('div', { class: 'alert-actions row' }, buttons) : null;
}

function alertLine(a, cls) {
  const sevKey = `rx.severity.${a.severity}`;
  const kindKey = `rx.kind.${a.kind}`;
  return el('div', { class: `alert ${cls} alert-${a.severity}`, dataset: { severity: a.severity ?? '', alert: alertKey(a) } },
    el('span', { class: `badge badge-${a.severity}`, text: has(sevKey) ? t(sevKey) : a.severity }),
    el('span', { class: 'muted', text: ` ${has(kindKey) ? t(kindKey) : a.kind} · ${(a.drugs ?? []).map(labelOf).join(' + ')}` }),
    el('p', { class: 'alert-message', text: labelOf(a.message) }),
    a.management ? el('p', { class: 'alert-management', text: t('rx.management', labelOf(a.management)) }) : null,
    a.source ? el('p', { class: 'source', text: t('common.source', labelOf(a.source)) }) : null,
    alertActions(a));
}

function reasonControls(a, i) {
  const key = alertKey(a);
  const saved = savedOverride(a);
  if (saved && (S.signed || !S.reasonCodes.has(key))) {
    return el('p', { class: 'override-saved', dataset: { reasonCode: saved.reasonCode ?? '' } },
      el('strong', { text: t(S.signed ? 'rx.override.signed' : 'rx.override.saved') }), ` ${reasonText(saved)}`);
  }
  if (S.signed) return null;
  const codeId = `rx-reason-code-${i}`;
  const textId = `rx-reason-${i}`;
  const select = el('select', { id: codeId, class: 'rx-reason-code', dataset: { alert: key } },
    el('option', { value: '', text: t('rx.reason.choose') }),
    REASON_CODES.map((c) => el('option', { value: c, text: t(`rx.reason.${c}`) })));
  select.value = S.reasonCodes.get(key) ?? '';
  select.addEventListener('change', () => S.reasonCodes.set(key, select.value));
  const textarea = el('textarea', { id: textId, class: 'rx-reason', rows: '2', maxlength: '1000', dataset: { alert: key } });
  textarea.value = S.reasons.get(key) ?? '';
  textarea.addEventListener('input', () => S.reasons.set(key, textarea.value));
  return el('div', { class: 'override-form' },
    el('label', { for: codeId, text: t('rx.overrideCode') }), select,
    el('label', { for: textId, text: t('rx.overrideReason') }), textarea);
}

export function renderPrescription() {
  const list = clear($('rx-list'));
  const check = S.rxCheck;
  const meds = check ? arrayOf(check, 'medications') : [];
  const alerts = currentAlerts();
  const unknown = new Set(check ? arrayOf(check, 'unknown').map(labelOf) : []);
  const checked = new Set(S.rxCheckedList);
  if (!S.rx.length) list.append(el('li', { class: 'muted', text: t('rx.none') }));
  S.rx.forEach((input, i) => {
    const m = meds.find((x) => x.input === input) ?? null;
    const names = m ? ingredientNames(m) : [];
    const passive = alerts.filter((a) => !a.interrupt && alertMentions(a, input, names));
    list.append(el('li', { class: 'rx-row', dataset: { drug: input } },
      el('div', { class: 'rx-head' },
        el('strong', { text: input }),
        names.length ? el('span', { class: 'muted', text: ` ${t('rx.matched', names.join(' + '))}` }) : null,
        unknown.has(input) || (m && m.matched === false) ? el('span', { class: 'badge badge-warn', text: t('rx.unknown', input) }) : null,
        checked.has(input) ? null : el('span', { class: 'badge badge-warn rx-unchecked', text: t('rx.unchecked') }),
        S.signed ? null : el('button', { type: 'button', class: 'chip-x', 'aria-label': t('common.remove', input), text: '×',
          onclick: () => changeRx(() => S.rx.splice(i, 1)) })),
      passive.map((a) => alertLine(a, 'alert-passive'))));
  });
  const stored = check ? arrayOf(check, 'storedMedications').map(labelOf) : [];
  answerLine('rx-answer', {
    at: S.rx.length ? S.rxCheckAt : null,
    stale: S.rxStale,
    source: check && check.knowledgeVersion ? t('rx.knowledge', check.knowledgeVersion) : '',
  });
  const clean = S.rx.length && check && !S.rxStale && !S.serverAlerts && alerts.length === 0;
  const line = $('rx-checked');
  line.hidden = !clean && !(S.rx.length && S.rxStale && !check);
  line.textContent = clean ? t('rx.checkedClean', S.rx.length + stored.length)
    : S.rx.length && S.rxStale && !check ? t('rx.serverWillCheck') : '';
  renderInterrupting(alerts.filter((a) => a.interrupt));
}

let shownInterrupting = '';

function renderInterrupting(interrupting) {
  const box = $('rx-interrupt');
  box.hidden = interrupting.length === 0;
  const ilist = clear($('rx-interrupt-list'));
  interrupting.forEach((a, i) => {
    ilist.append(el('li', { class: 'alert-interrupt', dataset: { alert: alertKey(a), severity: a.severity } },
      alertLine(a, ''), reasonControls(a, i)));
  });
  // A new interrupting alert takes the focus once, so that keyboard and screen-reader users meet it.
  const keys = interrupting.map(alertKey).join('|');
  if (keys && keys !== shownInterrupting && !S.signed) $('rx-interrupt-title').focus();
  shownInterrupting = keys;
}

export async function savePrescription() {
  if (!S.consultation || S.signed) return;
  const overrides = [];
  for (const a of currentAlerts().filter((x) => x.interrupt)) {
    const key = alertKey(a);
    const code = S.reasonCodes.get(key) ?? '';
    const reason = (S.reasons.get(key) ?? '').trim();
    const saved = savedOverride(a);
    if (!code && !reason && saved) {
      overrides.push({ kind: a.kind, drugs: (a.drugs ?? []).map(labelOf), severity: a.severity,
        reasonCode: saved.reasonCode ?? null, reason: saved.reason ?? null });
      continue;
    }
    if ((code === '' || code === 'other') && reason.length < OVERRIDE_MIN_CHARS) {
      panelState('rx-status', 'error', t('rx.reasonRequired'));
      const box = document.querySelector(`.rx-reason-code[data-alert="${CSS.escape(key)}"]`);
      if (box) box.focus();
      return;
    }
    overrides.push({ kind: a.kind, drugs: (a.drugs ?? []).map(labelOf), severity: a.severity,
      reasonCode: code || null, reason: reason || null });
  }
  panelState('rx-status', 'working');
  try {
    const saved = await put(`/api/v1/consultations/${S.consultation.id}/prescriptions`,
      { medications: S.rx, overrides, language: language() }, { budgetMs: BUDGET.save });
    S.savedOverrides = arrayOf(saved && saved.consultation, 'overrides');
    S.reasonCodes.clear();
    S.reasons.clear();
    if (saved && saved.check && !S.rxCheck) {
      Object.assign(S, { serverAlerts: arrayOf(saved.check, 'alerts') });
    }
    renderPrescription();
    panelState('rx-status', 'ok', t('rx.saved'));
  } catch (e) {
    const alerts = e.status === 422 && e.problem ? arrayOf(e.problem, 'alerts') : [];
    if (alerts.length) {
      // The server checked what this screen could not: show its alerts, in the UI's language.
      S.serverAlerts = alerts;
      renderPrescription();
      panelState('rx-status', 'error', t('rx.serverAlerts', alerts.length));
      const first = document.querySelector('#rx-interrupt-list .rx-reason-code');
      if (first) first.focus();
      return;
    }
    panelError('rx-status', e);
  }
}

export function initPrescription() {
  $('rx-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = $('rx-input').value.trim();
    if (!value || S.signed) return;
    $('rx-input').value = '';
    changeRx(() => S.rx.push(value));
  });
  $('rx-save').addEventListener('click', savePrescription);
}
