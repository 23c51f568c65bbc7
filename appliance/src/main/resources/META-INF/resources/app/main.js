// Entry point: messages, the signed-in user, hash routing between patients, consultation, status.
import { get, post, onUnauthorized, setCsrfToken, BUDGET } from './api.js';
import { $ } from './dom.js';
import { applyI18n, initialLanguage, language, loadMessages, t } from './i18n.js';
import { initPatients, select as selectPatient, normalizePatient } from './patients.js';
import { initConsultation, openConsultation, startConsultation, languageChanged, flushDraft } from './consult.js';
import { dropAllLocalDrafts } from './draft.js';
import { initStatus, loadStatus } from './status.js';

const LAST_ROUTE = 'mediassist.lastRoute';
const VIEWS = ['patients', 'consult', 'status'];
let me = null;

function showView(name) {
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== name;
  for (const v of VIEWS) {
    const link = $(`nav-${v}`);
    if (link) link.toggleAttribute('aria-current', v === name);
  }
}

function showInfo(message) {
  const banner = $('info-banner');
  banner.textContent = message;
  banner.hidden = !message;
}

async function route() {
  const hash = location.hash || '#/patients';
  const parts = hash.replace(/^#\//, '').split('/');
  showInfo('');
  if (parts[0] === 'consult' && parts[1]) {
    localStorage.setItem(LAST_ROUTE, hash);
    showView('consult');
    $('consult-empty').hidden = true;
    $('consult-body').hidden = false;
    try {
      await openConsultation(parts[1], showInfo);
    } catch (e) {
      showInfo(t('common.error', e.message));
    }
  } else if (parts[0] === 'consult') {
    showView('consult');
    $('consult-empty').hidden = false;
    $('consult-body').hidden = true;
  } else if (parts[0] === 'status') {
    showView('status');
    $('topbar-patient').textContent = '';
    loadStatus();
  } else {
    showView('patients');
    $('topbar-patient').textContent = '';
    if (parts[0] === 'patients' && parts[1]) {
      try {
        await selectPatient(normalizePatient(await get(`/api/v1/patients/${encodeURIComponent(parts[1])}`)));
      } catch (e) {
        showInfo(t('common.error', e.message));
      }
    }
  }
}

async function logout() {
  try {
    await flushDraft();
    dropAllLocalDrafts();
  } catch (e) {
    // Not saved on the server: keep the local draft for the next login.
  }
  localStorage.removeItem(LAST_ROUTE);
  try {
    await post('/api/v1/logout', undefined, { budgetMs: BUDGET.quick });
  } catch (e) {
    // The session may already be gone; the login page is where we go either way.
  }
  location.assign(`/login?logout=1&lang=${language()}`);
}

/** The toggle shows the other language's name in that language: mark it so. */
function markToggleLanguage() {
  $('lang-toggle').lang = language() === 'es' ? 'en' : 'es';
}

async function switchLanguage() {
  await loadMessages(language() === 'es' ? 'en' : 'es');
  applyI18n();
  markToggleLanguage();
  renderUser();
  languageChanged();
}

function renderUser() {
  $('topbar-user').textContent = me ? t('nav.user', me.username) : '';
}

async function boot() {
  await loadMessages(initialLanguage());
  applyI18n();
  markToggleLanguage();
  onUnauthorized(() => {
    $('session-banner').hidden = false;
    // The banner is an alert (read out); moving the focus while the doctor types would send the rest of the
    // keystrokes to the link and lose them from the note, so the focus moves only when nothing is being edited.
    const active = document.activeElement;
    const editing = active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' || active.isContentEditable);
    if (!editing) $('session-login-link').focus();
  });
  try {
    me = await get('/api/v1/me', { budgetMs: BUDGET.quick });
  } catch (e) {
    if (e.kind === 'unauthorized') {
      location.assign(`/login?lang=${language()}`);
      return;
    }
    showInfo(t('common.error', e.message));
  }
  if (me && me.csrfToken) setCsrfToken(me.csrfToken);
  $('nav-status').hidden = !(me && (me.roles ?? []).includes('admin'));
  renderUser();
  initPatients(async (patient) => {
    try {
      const id = await startConsultation(patient);
      location.hash = `#/consult/${id}`;
    } catch (e) {
      showInfo(t('common.error', e.message));
    }
  });
  initConsultation();
  initStatus();
  $('lang-toggle').addEventListener('click', switchLanguage);
  $('logout-button').addEventListener('click', logout);
  window.addEventListener('hashchange', route);
  if (!location.hash) {
    const last = localStorage.getItem(LAST_ROUTE);
    if (last) {
      location.hash = last;
      return;
    }
  }
  await route();
}

boot().finally(() => {
  document.body.dataset.ready = 'true';
  performance.mark('mediassist-ready');
});
