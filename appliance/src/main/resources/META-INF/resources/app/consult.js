// The consultation screen: wires the features together (consult/state, evidence, differential,
// prescription, preventive, context, signoff) and owns the lifecycle: start, open, language change.
// The server owns the consultation: every action is a command, every answer one view
// (consult/state.js send/loadView); a panel whose engine did not answer keeps its last answer,
// marked not updated.
import { get, post, BUDGET, ApiError } from './api.js';
import { $, clear, labelOf } from './dom.js';
import { t } from './i18n.js';
import { panelState, panelError } from './panel.js';
import { normalizePatient, patientLabel } from './patients.js';
import { loadLocalDraft } from './draft.js';
import { S, resetState, on, send, loadView } from './consult/state.js';
import { initEvidence, renderEvidences, renderFindings, loadLabels } from './consult/evidence.js';
import { showDiagnosis, renderDifferential, renderTests, loadScope } from './consult/differential.js';
import { initPrescription, renderPrescription, showMedication } from './consult/prescription.js';
import { showPreventive, renderPreventive } from './consult/preventive.js';
import { initContext, loadContext } from './consult/context.js';
import { initSignOff, renderFinalDiagnosisOptions, setSigned, lockInputs } from './consult/signoff.js';

export { flushDraft } from './consult/state.js';

const PANELS = ['note-status', 'ddx-status', 'tests-status', 'rx-status', 'preventive-status'];

on('view-working', () => {
  if ($('ddx-status').dataset.state !== 'working') panelState('ddx-status', 'working');
});
on('view', (view) => {
  const note = view.note;
  if (note.status === 'unavailable') panelState('note-status', 'unavailable', t('fresh.why.moduleOff'));
  else if (note.status === 'failed') panelState('note-status', 'error', note.problem ? note.problem.detail : '');
  else panelState('note-status', 'ok', '');
  renderEvidences();
  renderFindings();
  showDiagnosis(view);
  showMedication(view);
  showPreventive(view);
});
/** Re-renders every panel from the state (a failed request, a language change). */
function renderAll() {
  renderEvidences();
  renderFindings();
  renderDifferential();
  renderTests();
  renderPrescription();
  renderPreventive();
}

on('view-failed', (e) => {
  // Never clear what the doctor was shown because a request failed: every panel keeps it, marked.
  for (const id of PANELS) panelError(id, e);
  $('questions-panel').dataset.state = $('ddx-panel').dataset.state;
  renderAll();
});
on('history-changed', () => loadView());
on('differential-rendered', () => renderFinalDiagnosisOptions());
on('signed-changed', () => {
  renderEvidences();
  renderFindings();
  renderDifferential();
  renderPrescription();
});

function reset() {
  resetState();
  $('note-text').value = '';
  $('summary-text').value = '';
  $('final-diagnosis-other').value = '';
  $('evidence-value-row').hidden = true;
  for (const id of ['evidence-status', 'summary-status', ...PANELS]) panelState(id, 'ok', '');
  clear($('test-list'));
  clear($('preventive-items'));
  for (const kind of ['conditions', 'medications', 'allergies']) clear($(`context-${kind}`));
}

/** Starts a consultation for a patient and returns its id. */
export async function startConsultation(patient) {
  const c = await post('/api/v1/consultations', { patientId: patient.id }, { budgetMs: BUDGET.save });
  return c.id;
}

/** Opens consultation `id`: loads it and its view, and restores a newer local draft as commands. */
export async function openConsultation(id, showInfo) {
  reset();
  // What the doctor types must not be overwritten by the consultation still loading: the inputs wait for it.
  lockInputs(true);
  $('view-consult').dataset.loaded = 'false';
  const c = await get(`/api/v1/consultations/${encodeURIComponent(id)}`, { budgetMs: BUDGET.save });
  S.consultation = c;
  S.patient = normalizePatient(await get(`/api/v1/patients/${encodeURIComponent(c.patientId)}`, { budgetMs: BUDGET.save }));
  $('topbar-patient').textContent = t('consult.patient', patientLabel(S.patient));
  $('note-text').value = c.note;
  S.evidences = c.evidences;
  S.rx = c.prescriptions;
  S.savedOverrides = c.overrides;
  const signed = Boolean(c.signedOffAt);
  const restore = [];
  if (!signed) {
    const draft = loadLocalDraft(c.id);
    if (draft && draft.savedAt > (Date.parse(c.startedAt) || 0)) {
      if ((draft.note ?? '') !== c.note) {
        $('note-text').value = draft.note ?? '';
        restore.push({ type: 'set-note', text: $('note-text').value });
      }
      if (Array.isArray(draft.prescriptions) && JSON.stringify(draft.prescriptions) !== JSON.stringify(c.prescriptions)) {
        restore.push({ type: 'prescribe', medications: draft.prescriptions });
      }
      if (restore.length) showInfo(t('draft.restored'));
    }
  } else {
    $('summary-text').value = c.summaryText ?? '';
    const fd = c.finalDiagnosis;
    $('final-diagnosis-other').value = fd ? labelOf(fd.name ?? fd.code) : '';
  }
  await loadLabels();
  setSigned(signed);
  $('view-consult').dataset.loaded = 'true';
  loadContext();
  loadScope();
  if (restore.length) send(restore);
  else loadView();
  // Focus lands on the consultation's heading, not on <body>.
  $('consult-heading').focus();
}

/** Re-renders and asks the view again in the doctor's language. */
export async function languageChanged() {
  if (!S.consultation) return;
  await loadLabels();
  $('topbar-patient').textContent = t('consult.patient', patientLabel(S.patient));
  loadContext();
  renderAll();
  loadScope();
  loadView();
}

export function initConsultation() {
  initEvidence();
  initPrescription();
  initSignOff();
  initContext();
}

export { ApiError };
