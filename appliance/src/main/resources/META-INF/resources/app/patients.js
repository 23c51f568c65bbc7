// Patients: search by name or number, create, FHIR import, and the history panel.
import { get, post, BUDGET } from './api.js';
import { $, el, clear, labelOf, ageOf } from './dom.js';
import { t } from './i18n.js';
import { panelError, panelState } from './panel.js';
import { smokingForm } from './smoking.js';

const HISTORY_KINDS = ['conditions', 'medications', 'allergies', 'immunizations', 'procedures'];
let selected = null;
let onStart = () => {};

/** A patient as the UI uses it, whatever the exact field names of the API. */
export function normalizePatient(p) {
  return {
    id: p.id,
    number: p.number ?? p.patientNumber ?? p.localNumber ?? p.mrn ?? '',
    givenName: p.givenName ?? p.given ?? '',
    familyName: p.familyName ?? p.family ?? '',
    birthDate: p.birthDate ?? p.birth_date ?? null,
    sex: sexCode(p.sex ?? p.gender),
    deceased: Boolean(p.deceased || p.deceasedDate),
    deceasedDate: p.deceasedDate ?? null,
  };
}

/** The store's sex codes (female, male, other, unknown) as the one-letter codes the UI and DDXPlus use. */
export function sexCode(sex) {
  const s = String(sex ?? '').toLowerCase();
  if (s === 'female' || s === 'f') return 'F';
  if (s === 'male' || s === 'm') return 'M';
  if (s === 'other' || s === 'o') return 'O';
  return 'U';
}

export function patientLabel(p) {
  const age = ageOf(p.birthDate);
  const sexKey = `patients.sex.${p.sex}`;
  const deceased = p.deceased ? (p.deceasedDate ? t('patients.deceasedOn', p.deceasedDate) : t('patients.deceased')) : null;
  return [`${p.familyName}, ${p.givenName}`, `#${p.number}`,
    age === null || p.deceased ? null : t('patients.age', age), t(sexKey), deceased].filter(Boolean).join(' · ');
}

function itemsOf(body) {
  if (Array.isArray(body)) return body;
  if (body && Array.isArray(body.items)) return body.items;
  if (body && Array.isArray(body.patients)) return body.patients;
  if (body && Array.isArray(body.results)) return body.results;
  return [];
}

async function search(q) {
  const list = clear($('patient-results'));
  panelState('patient-search-status', 'working');
  try {
    const body = await get(`/api/v1/patients?q=${encodeURIComponent(q)}`, { budgetMs: BUDGET.quick });
    const patients = itemsOf(body).map(normalizePatient);
    panelState('patient-search-status', 'ok', patients.length ? '' : t('patients.noResults'));
    for (const p of patients) {
      list.append(el('li', {},
        el('button', { type: 'button', class: 'link patient-result', dataset: { patientId: p.id },
          onclick: () => select(p) }, patientLabel(p))));
    }
  } catch (e) {
    panelError('patient-search-status', e);
  }
}

export async function select(p) {
  selected = p;
  $('history-empty').hidden = true;
  $('history-body').hidden = false;
  $('history-patient').textContent = patientLabel(p);
  $('history-patient').classList.toggle('deceased', p.deceased);
  // A deceased patient's record is read-only: no new consultation (the API refuses it too).
  $('start-consultation').disabled = p.deceased;
  $('start-consultation').title = p.deceased ? t('patients.deceasedReadOnly') : '';
  const old = document.getElementById('smoking-form');
  if (old) old.remove();
  if (!p.deceased) $('history-patient').after(smokingForm(p, () => select(p)));
  await Promise.all(HISTORY_KINDS.map((kind) => loadHistory(p.id, kind)));
}

async function loadHistory(id, kind) {
  const list = clear($(`history-${kind}`));
  try {
    const items = itemsOf(await get(`/api/v1/patients/${encodeURIComponent(id)}/${kind}`));
    if (!items.length) list.append(el('li', { class: 'muted', text: t('history.empty') }));
    for (const it of items) {
      const e = it.entry ?? it;
      const coding = e.coding ?? {};
      const date = e.date ?? e.onsetDate ?? e.startDate ?? e.recordedDate ?? '';
      const extra = [e.status, e.reaction, e.criticality, e.valueNumber !== undefined && e.valueNumber !== null
        ? `${e.valueNumber} ${e.unit ?? ''}`.trim() : e.valueText].filter(Boolean).join(', ');
      list.append(el('li', {}, coding.display || coding.code || labelOf(e),
        date ? el('span', { class: 'muted', text: ` ${date}` }) : null,
        extra ? el('span', { class: 'muted', text: ` (${extra})` }) : null));
    }
  } catch (e) {
    list.append(el('li', { class: 'muted', text: t('common.unavailable', e.message) }));
  }
}

async function create(form) {
  const data = Object.fromEntries(new FormData(form).entries());
  if (!data.birthDate) delete data.birthDate;
  panelState('patient-create-status', 'working');
  try {
    const created = normalizePatient(await post('/api/v1/patients', data, { budgetMs: BUDGET.save }));
    panelState('patient-create-status', 'ok', t('patients.created'));
    form.reset();
    await select(created);
  } catch (e) {
    panelError('patient-create-status', e);
  }
}

async function importBundle(fileInput) {
  const file = fileInput.files && fileInput.files[0];
  if (!file) return;
  panelState('patient-import-status', 'working');
  try {
    const text = await file.text();
    const result = await post('/api/v1/fhir/import', text, { budgetMs: BUDGET.import });
    const skipped = result && result.skipped ? Object.entries(result.skipped).map(([k, v]) => `${k}: ${v}`).join(', ') : '';
    panelState('patient-import-status', 'ok', t('patients.imported', skipped || t('patients.importNothingSkipped')));
    const pid = result && result.patientId;
    if (pid !== undefined && pid !== null) {
      await select(normalizePatient(await get(`/api/v1/patients/${encodeURIComponent(pid)}`)));
    }
  } catch (e) {
    panelError('patient-import-status', e);
  }
}

export function initPatients(startConsultation) {
  onStart = startConsultation;
  $('patient-search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    search($('patient-search').value.trim());
  });
  $('patient-create-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    create(ev.target);
  });
  $('patient-import-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    importBundle($('import-file'));
  });
  $('start-consultation').addEventListener('click', () => selected && onStart(selected));
}

export function selectedPatient() {
  return selected;
}
