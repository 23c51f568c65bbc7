// Smoking history: the doctor records status, pack-years and quit date; the server stores them as
// coded observations, which preventive care and the FHIR export read.
import { post, BUDGET } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { panelError, panelState } from './panel.js';

/** The request a filled-in form stands for (only the parts the doctor filled), or null. */
export function smokingRequest(data) {
  const body = {};
  if (data.status) body.status = data.status;
  if (data.packYears !== '' && data.packYears !== undefined) body.packYears = Number(data.packYears);
  if (data.quitDate) body.quitDate = data.quitDate;
  return Object.keys(body).length ? body : null;
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
    const body = smokingRequest(data);
    if (!body) return;
    panelState(statusId, 'working');
    try {
      await post(`/api/v1/patients/${encodeURIComponent(patient.id)}/smoking`, body, { budgetMs: BUDGET.save });
      panelState(statusId, 'ok', t('smoking.saved'));
      form.reset();
      if (onSaved) await onSaved();
    } catch (e) {
      panelError(statusId, e);
    }
  });
  return form;
}
