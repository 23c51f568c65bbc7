// fetch wrapper: CSRF header, a time budget per call (AbortController), problem+json errors and
// one place that notices an expired session.
import { t } from './i18n.js';

const unauthorizedListeners = [];
let csrfFallback = null;

export function onUnauthorized(fn) {
  unauthorizedListeners.push(fn);
}

export function setCsrfToken(token) {
  csrfFallback = token;
}

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)csrf-token=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : csrfFallback;
}

/** The problem type of a clinical module out of service (the server's ProblemTypes). */
export const PROBLEM_MODULE_UNAVAILABLE = 'urn:mediassist:problem:module-unavailable';

/**
 * A failed call. kind: 'timeout' (budget exceeded), 'superseded' (a newer call replaced it),
 * 'network', 'unauthorized' or 'http' (status and problem set).
 */
export class ApiError extends Error {
  constructor(kind, status, problem, message) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }

  /** The module is switched off, down or too slow, as opposed to a request the doctor can correct. */
  get unavailable() {
    return this.kind === 'timeout' || this.kind === 'network' || this.moduleOff || this.status >= 500;
  }

  /** The server says the module is out of service (problem type), not that a record is missing. */
  get moduleOff() {
    return Boolean(this.problem && this.problem.type === PROBLEM_MODULE_UNAVAILABLE);
  }
}

/** Default budgets per call, in milliseconds; each panel passes its own. */
export const BUDGET = {
  quick: 2500,
  diagnosis: 3000,
  medication: 2500,
  summary: 4000,
  // The consultation view: every engine answers in it.
  view: 4000,
  save: 8000,
  // The first FHIR export of a run initialises HAPI FHIR's R4 context (seconds on a small box).
  export: 30000,
  import: 60000,
};

/**
 * Calls the appliance. Resolves to the parsed JSON body (null for 204); rejects with ApiError.
 * options: body (JSON-serialised), budgetMs, signal (abort to supersede), raw (return the text).
 */
export async function call(method, url, options = {}) {
  const { body, budgetMs = BUDGET.quick, signal, raw = false } = options;
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, budgetMs);
  const onAbort = () => ctrl.abort();
  if (signal) {
    if (signal.aborted) ctrl.abort();
    signal.addEventListener('abort', onAbort, { once: true });
  }
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  try {
    let res;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
        signal: ctrl.signal,
        credentials: 'same-origin',
        redirect: 'manual',
      });
    } catch (e) {
      throw abortOrNetwork(timedOut, signal, budgetMs);
    }
    if (res.status === 401 || res.type === 'opaqueredirect') {
      unauthorizedListeners.forEach((fn) => fn());
      throw new ApiError('unauthorized', 401, null, t('session.expired'));
    }
    let text;
    try {
      text = await res.text();
    } catch (e) {
      throw abortOrNetwork(timedOut, signal, budgetMs);
    }
    if (!res.ok) {
      let problem = null;
      try { problem = text ? JSON.parse(text) : null; } catch (e) { problem = null; }
      const detail = problem && (problem.detail || problem.title);
      throw new ApiError('http', res.status, problem, detail || t('common.serverError', res.status));
    }
    if (raw) return text;
    return text ? JSON.parse(text) : null;
  } finally {
    clearTimeout(timer);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

function abortOrNetwork(timedOut, signal, budgetMs) {
  if (timedOut) return new ApiError('timeout', 0, null, t('common.timeout', budgetMs));
  if (signal && signal.aborted) return new ApiError('superseded', 0, null, 'superseded');
  return new ApiError('network', 0, null, t('common.offline'));
}

export const get = (url, o) => call('GET', url, o);
export const post = (url, body, o = {}) => call('POST', url, { ...o, body });
export const put = (url, body, o = {}) => call('PUT', url, { ...o, body });
export const del = (url, o) => call('DELETE', url, o);

/**
 * Keeps only the latest of a series of calls (typing): each start() aborts the previous one.
 */
export class Latest {
  constructor() {
    this.ctrl = null;
  }

  start() {
    if (this.ctrl) this.ctrl.abort();
    this.ctrl = new AbortController();
    return this.ctrl.signal;
  }
}
