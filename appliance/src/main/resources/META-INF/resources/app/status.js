// Admin status page: active bundle, each module's health, recent latencies per endpoint.
import { get, BUDGET } from './api.js';
import { $, el, clear, labelOf } from './dom.js';
import { t, has } from './i18n.js';
import { panelError, panelState } from './panel.js';
import { loadSyncStatus } from './sync-status.js';
import { loadBundles } from './bundles.js';

export async function loadStatus() {
  panelState('status-status', 'working');
  try {
    const s = await get('/api/v1/status', { budgetMs: BUDGET.quick });
    const b = s.bundle;
    $('status-bundle').textContent = b
      ? [labelOf(b.id ?? b.bundle), t('status.bundleVersion', b.version ?? ''), b.createdAt ?? b.installedAt ?? ''].filter(Boolean).join(' · ')
      : t('status.state.unknown');
    const modules = clear($('status-modules').tBodies[0]);
    for (const m of s.modules ?? []) {
      const nameKey = `module.${m.name}`;
      const stateKey = `status.state.${m.state}`;
      modules.append(el('tr', { dataset: { module: m.name, state: m.state } },
        el('td', { text: has(nameKey) ? t(nameKey) : m.name }),
        el('td', {}, el('span', { class: `badge state-${m.state}`, text: has(stateKey) ? t(stateKey) : m.state })),
        el('td', { text: m.detail ?? '' })));
    }
    const lat = clear($('status-latencies').tBodies[0]);
    for (const l of s.latencies ?? []) {
      lat.append(el('tr', {},
        el('td', { text: l.endpoint }),
        el('td', { text: String(l.count) }),
        el('td', { text: l.medianMs === null || l.medianMs === undefined ? '' : l.medianMs.toFixed(1) }),
        el('td', { text: l.p95Ms === null || l.p95Ms === undefined ? '' : l.p95Ms.toFixed(1) }),
        el('td', { text: String(l.errors ?? 0) })));
    }
    await loadSyncStatus();
    await loadBundles();
    panelState('status-status', 'ok', '');
  } catch (e) {
    panelError('status-status', e.status === 403 ? { ...e, unavailable: false, message: t('status.adminOnly') } : e);
  }
}

export function initStatus() {
  $('status-refresh').addEventListener('click', loadStatus);
}
