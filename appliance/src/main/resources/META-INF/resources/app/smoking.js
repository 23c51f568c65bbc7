// Smoking history: the doctor records status, pack-years and quit date as coded observations
// (LOINC 72166-2, SNOMED CT 401201003, LOINC 74010-0), which preventive care and the FHIR export read.
import { post, BUDGET } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { panelError, panelState } from './panel.js';

const STATUS = { current: 'Smoker', former: 'Ex-smoker', never: 'Never smoked tobacco' };

function observation(coding, value, today) {
  return { coding, date: today, ...value };
}

/** The observations a filled-in form stands for (only the parts the doctor filled). */
export function smokingObservations(data, today) {
  const out = [];
  if (data.status) {
    out.push(observation({ system: 'http://loinc.org', code: '72166-2', display: 'Tobacco smoking status' },
      { valueText: STATUS[data.status] }, today));
  }
  if (data.packYears !== '' && data.packYears !== undefined) {
    out.push(observation({ system: 'http://snomed.info/sct', code: '401201003', display: 'Cigarette pack-years' },
      { valueNumber: Number(data.packYears), unit: '{PackYears}' }, today));
  }
  if (data.quitDate) {
    out.push(observation({ system: 'http://loinc.org', code: '74010-0', display: 'Date quit tobacco smoking' },
      { valueText: data.quitDate }, today));
  }
  return out;
}

/** A small form under the patient's history; {@code onSaved} runs after the observations are stored. */
export function smokingForm(patient, onSaved) {
  const statusId = `smoking-status-${patient.id}`;
  const form = el('form', { class: 'smoking-form', id: 'smoking-form' },
    el('fieldset', {},
      el('legend', { text: t('smoking.title') }),
      el('label', {}, t('smoking.status'), ' ',
        el('select', { name: 'status' },
          el('option', { value: '', text: '—' }),
          el('option', { value: 'current', text: t('smoking.current') }),
          el('option', { value: 'former', text: t('smoking.former') }),
          el('option', { value: 'never', text: t('smoking.never') }))),
      el('label', {}, t('smoking.packYears'), ' ',
        el('input', { name: 'packYears', type: 'number', min: '0', max: '300', step: '0.5' })),
      el('label', {}, t('smoking.quitDate'), ' ', el('input', { name: 'quitDate', type: 'date' })),
      el('button', { type: 'submit', text: t('smoking.save') }),
      el('span', { id: statusId, class: 'muted', role: 'status' })));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    const today = new Date().toISOString().slice(0, 10);
    const items = smokingObservations(data, today);
    if (!items.length) return;
    panelState(statusId, 'working');
    try {
      for (const item of items) {
        await post(`/api/v1/patients/${encodeURIComponent(patient.id)}/observations`, item, { budgetMs: BUDGET.save });
      }
      panelState(statusId, 'ok', t('smoking.saved'));
      form.reset();
      if (onSaved) await onSaved();
    } catch (e) {
      panelError(statusId, e);
    }
  });
  return form;
}
