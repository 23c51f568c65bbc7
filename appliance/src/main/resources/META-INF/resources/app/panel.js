// The state line of a panel: working, ok, or "not available" when its module is down or slow.
import { $ } from './dom.js';
import { t } from './i18n.js';

/**
 * Sets the status line `statusId` and the `data-state` of its panel. state: 'ok', 'working',
 * 'unavailable' (module down or over its time budget) or 'error' (the request was refused).
 */
export function panelState(statusId, state, message = '') {
  const line = $(statusId);
  if (!line) return;
  const panel = line.closest('[data-module]');
  if (panel) panel.dataset.state = state;
  line.dataset.state = state;
  if (state === 'working') line.textContent = t('common.working');
  else if (state === 'unavailable') line.textContent = t('common.unavailable', message);
  else if (state === 'error') line.textContent = t('common.error', message);
  else line.textContent = message;
}

/** Why a call failed, in the doctor's words (never the server's configuration key). */
export function failureText(err) {
  if (!err) return '';
  if (err.kind === 'timeout') return t('fresh.why.timeout');
  if (err.kind === 'network') return t('fresh.why.offline');
  if (err.moduleOff) return t('fresh.why.moduleOff');
  if (err.kind === 'unauthorized') return t('session.expired');
  return err.status ? t('fresh.why.error', err.status) : err.message;
}

/** Reports an ApiError on a panel; ignores calls superseded by newer ones. */
export function panelError(statusId, err) {
  if (err && err.kind === 'superseded') return;
  if (err && err.kind === 'unauthorized') {
    panelState(statusId, 'error', t('session.expired'));
    return;
  }
  if (err && err.unavailable) panelState(statusId, 'unavailable', failureText(err));
  else panelState(statusId, 'error', err ? err.message : '');
}
