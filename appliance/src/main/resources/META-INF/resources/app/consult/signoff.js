// The structured note, the final diagnosis, sign-off and the FHIR export.
import { get, post, BUDGET } from '../api.js';
import { $, el, clear, labelOf } from '../dom.js';
import { t, language } from '../i18n.js';
import { panelError, panelState } from '../panel.js';
import { S, arrayOf, emit, flushDraft } from './state.js';
import { dropLocalDraft } from '../draft.js';

const MAX_DDX_ROWS = 8;

export function renderFinalDiagnosisOptions() {
  const select = $('final-diagnosis');
  const current = select.value;
  clear(select).append(el('option', { value: '', text: t('summary.chooseDiagnosis') }));
  for (const d of S.ddx ? arrayOf(S.ddx, 'differential').slice(0, MAX_DDX_ROWS) : []) {
    select.append(el('option', { value: d.code, text: d.name ?? d.code }));
  }
  if ([...select.options].some((o) => o.value === current)) select.value = current;
}

/** What the doctor recorded on this screen, as lines for the note: background, evidences, medicines, reasons, tests. */
function consultationRecord() {
  const lines = [];
  const context = ['conditions', 'medications', 'allergies']
    .map((kind) => [kind, [...document.querySelectorAll(`#context-${kind} li.context-item`)].map((li) => li.textContent)])
    .filter(([, items]) => items.length);
  for (const [kind, items] of context) lines.push(`${t(`history.${kind}`)}: ${items.join(', ')}`);
  const present = S.evidences.filter((e) => e.present).map((e) => (e.valueLabel ? `${e.label}: ${e.valueLabel}` : e.label));
  const absent = S.evidences.filter((e) => !e.present).map((e) => e.label);
  if (present.length) lines.push(`${t('summary.record.present')}: ${present.join(', ')}`);
  if (absent.length) lines.push(`${t('summary.record.absent')}: ${absent.join(', ')}`);
  if (S.rx.length) lines.push(`${t('rx.title')}: ${S.rx.join(', ')}`);
  for (const o of S.savedOverrides) {
    const reason = [o.reasonCode ? t(`rx.reason.${o.reasonCode}`) : '', o.reason].filter(Boolean).join(' — ');
    lines.push(t('summary.record.override', (o.drugs ?? []).join(' + '), reason));
  }
  const tests = S.tests ? arrayOf(S.tests, 'tests').slice(0, 6).map((x) => labelOf(x.name ?? x.test)) : [];
  if (tests.length) lines.push(`${t('tests.title')}: ${tests.join(', ')}`);
  return lines.join('\n');
}

/** The note for signing: the server's reading of the note (its summary) and what was recorded on this screen. */
function generateSummary() {
  const summary = S.structured ? labelOf(S.structured.summary) : '';
  $('summary-text').value = [summary, consultationRecord()].filter(Boolean).join('\n\n');
  panelState('summary-status', 'ok', '');
}

async function signOff() {
  if (!S.consultation || S.signed) return;
  if (!$('summary-text').value.trim()) {
    panelState('summary-status', 'error', t('summary.needSummary'));
    $('summary-text').focus();
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
  panelState('summary-status', 'working');
  try {
    // The server signs what it holds: the note as typed goes first.
    await flushDraft();
    // Only the doctor's words and choice: the evidences, model and structured note are the server's.
    S.consultation = await post(`/api/v1/consultations/${S.consultation.id}/sign-off`, {
      summaryText: $('summary-text').value,
      finalDiagnosis,
      language: language(),
    }, { budgetMs: BUDGET.save });
    dropLocalDraft(S.consultation.id);
    S.savedOverrides = arrayOf(S.consultation, 'overrides');
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

/** Every input the doctor writes the consultation with. */
const INPUTS = ['evidence-input', 'note-text', 'rx-input', 'rx-add', 'rx-save', 'summary-generate',
  'summary-text', 'final-diagnosis', 'final-diagnosis-other', 'summary-sign'];

/** Locks (or unlocks) every input of the consultation: once signed, and while the consultation loads. */
export function lockInputs(locked) {
  for (const id of INPUTS) $(id).disabled = locked;
}

/** Locks (or unlocks) every input of the consultation and re-renders the panels. */
export function setSigned(signed) {
  S.signed = signed;
  lockInputs(signed);
  $('summary-export').disabled = !signed;
  $('view-consult').dataset.signed = String(signed);
  emit('signed-changed');
}

export function initSignOff() {
  $('summary-generate').addEventListener('click', generateSummary);
  $('summary-sign').addEventListener('click', signOff);
  $('summary-export').addEventListener('click', exportFhir);
}
