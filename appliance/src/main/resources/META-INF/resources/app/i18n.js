// Messages come from the server's bundles (GET /i18n/{lang}); the page holds no user-visible text.

const SUPPORTED = ['es', 'en'];
const STORAGE_KEY = 'mediassist.lang';
let messages = {};
let current = 'es';

export function language() {
  return current;
}

/** The language to start in: ?lang=, then the doctor's last choice, then Spanish. */
export function initialLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (SUPPORTED.includes(fromUrl)) return fromUrl;
  const stored = localStorage.getItem(STORAGE_KEY);
  return SUPPORTED.includes(stored) ? stored : 'es';
}

export async function loadMessages(lang) {
  const res = await fetch(`/i18n/${encodeURIComponent(lang)}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`messages ${lang}: HTTP ${res.status}`);
  messages = await res.json();
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** The message for key with {0}, {1}... replaced; the key itself when the bundle lacks it. */
export function t(key, ...params) {
  const m = messages[key];
  if (m === undefined) return key;
  return m.replace(/\{(\d+)\}/g, (_, i) => (params[Number(i)] ?? '').toString());
}

/** Whether the bundle has a message for key (used for enumerated API values). */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

export function applyI18n(root = document) {
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of root.querySelectorAll('[data-i18n-aria-label]')) e.setAttribute('aria-label', t(e.dataset.i18nAriaLabel));
  document.title = t('app.title');
}
