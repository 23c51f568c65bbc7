// The consultation screen: wires the features together (consult/state, evidence, differential,
// prescription, preventive, signoff) and owns the lifecycle: start, open, language change.
// Every module is called with its own time budget; a failing module never erases what its panel
// showed: the last answer stays, marked not updated.
import { get, post, BUDGET, ApiError } from './api.js';
import { $, clear, labelOf } from './dom.js';
import { t } from './i18n.js';
import { panelState } from './panel.js';
import { normalizePatient, patientLabel } from './patients.js';
import { loadLocalDraft } from './draft.js';
import { S, resetState, on, saveServerDraft, arrayOf } from './consult/state.js';
import { initEvidence, renderEvidences, renderFindings, analyseNote, loadLabels } from './consult/evidence.js';
import { runDiagnosis, scheduleDiagnosis, renderDifferential, renderTests, loadScope } from './consult/differential.js';
import { initPrescription, renderPrescription, runMedicationCheck } from './consult/prescription.js';
import { loadPreventive, resetPreventive } from './consult/preventive.js';
import { initContext, loadContext } from './consult/context.js';
import { initSignOff, renderFinalDiagnosisOptions, setSigned } from './consult/signoff.js';

export { flushDraft } from './consult/state.js';

on('evidence-changed', () => scheduleDiagnosis());
on('history-changed', () => runMedicationCheck());
on('differential-rendered', () => renderFinalDiagnosisOptions());
on('signed-changed', () => {
  renderEvidences();
  renderFindings();
  renderDifferential();
  renderPrescription();
});

function reset() {
  resetState();
  resetPreventive();
  $('note-text').value = '';
  $('summary-text').value = '';
  $('final-diagnosis-other').value = '';
  $('evidence-value-row').hidden = true;
  for (const id of ['evidence-status', 'note-status', 'ddx-status', 'tests-status', 'rx-status', 'summary-status', 'preventive-status']) {
    panelState(id, 'ok', '');
  }
  clear($('test-list'));
  clear($('preventive-items'));
  for (const kind of ['conditions', 'medications', 'allergies']) clear($(`context-${kind}`));
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
  S.savedOverrides = arrayOf(c, 'overrides');
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
  await loadLabels();
  setSigned(signed);
  renderTests();
  loadContext();
  loadPreventive();
  loadScope();
  runMedicationCheck();
  if ($('note-text').value.trim()) analyseNote.flush();
  else runDiagnosis();
  // Focus lands on the consultation's heading, not on <body>.
  $('consult-heading').focus();
}

/** Re-renders and re-asks the modules whose answers are worded in the doctor's language. */
export async function languageChanged() {
  if (!S.consultation) return;
  await loadLabels();
  $('topbar-patient').textContent = t('consult.patient', patientLabel(S.patient));
  loadContext();
  renderEvidences();
  renderFindings();
  renderDifferential();
  renderTests();
  renderPrescription();
  loadPreventive();
  loadScope();
  runDiagnosis();
  runMedicationCheck();
}

export function initConsultation() {
  initEvidence();
  initPrescription();
  initSignOff();
  initContext();
}

export { ApiError };
