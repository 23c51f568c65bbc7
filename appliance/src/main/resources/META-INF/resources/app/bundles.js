// Status page, over-the-air bundles: active, previous and staged diagnosis and knowledge bundles and the
// update history of both.
import { get } from './api.js';
import { $, el, clear } from './dom.js';
import { t } from './i18n.js';

export async function loadBundles() {
  const v = await get('/api/v1/bundles');
  const rows = clear($('status-ota').tBodies[0]);
  for (const [key, value] of [['active', v.active], ['previous', v.previous], ['staged', v.staged],
    ['running', v.running], ['watching', v.watching], ['problem', v.lastProblem]]) {
    rows.append(el('tr', { dataset: { ota: key } },
      el('td', { text: t(`status.ota.${key}`) }), el('td', { text: value ?? '—' })));
  }
  const k = v.knowledge ?? {};
  for (const [key, value] of [['active', k.active], ['previous', k.previous], ['staged', k.staged],
    ['running', k.running], ['watching', k.watching], ['problem', k.lastProblem]]) {
    rows.append(el('tr', { dataset: { otaKnowledge: key } },
      el('td', { text: t(`status.ota.knowledge.${key}`) }), el('td', { text: value ?? '—' })));
  }
  const events = [...(v.history ?? []), ...(k.history ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const history = clear($('status-ota-history').tBodies[0]);
  for (const h of events) {
    history.append(el('tr', { dataset: { event: h.event } },
      el('td', { text: h.at }), el('td', { text: t(`status.ota.event.${h.event}`) }),
      el('td', { text: h.bundle }), el('td', { text: h.detail ?? '' })));
  }
}
