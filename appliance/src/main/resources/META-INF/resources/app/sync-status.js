// Status page, sync section: the upload queue, the last error and "what leaves this box" (the last
// batch exactly as sent).
import { get, BUDGET } from './api.js';
import { $, el, clear } from './dom.js';
import { t } from './i18n.js';

const COUNTS = ['waitingForDelay', 'heldForK', 'eligible', 'inFlight', 'sent', 'expired', 'dropped'];

export async function loadSyncStatus() {
  const box = $('status-sync');
  if (!box) return;
  try {
    const s = await get('/api/v1/sync/status', { budgetMs: BUDGET.quick });
    const q = s.queue ?? {};
    $('status-sync-state').textContent = s.enabled
      ? t('sync.enabled', s.nextRunAt ?? '')
      : (s.problem ? t('sync.problem', s.problem) : t('sync.disabled'));
    const rows = clear($('status-sync-queue').tBodies[0]);
    for (const k of COUNTS) {
      rows.append(el('tr', { dataset: { count: k } }, el('td', { text: t(`sync.count.${k}`) }), el('td', { text: String(q[k] ?? 0) })));
    }
    $('status-sync-error').textContent = q.lastError ? t('sync.lastError', q.lastError, q.nextAttemptAt ?? '') : t('sync.noError');
    $('status-sync-last').textContent = q.lastBatch ? JSON.stringify(JSON.parse(q.lastBatch), null, 2) : t('sync.noBatch');
  } catch (e) {
    $('status-sync-state').textContent = t('sync.unavailable');
  }
}
