// The differential: fit verdict first when the case is outside what the model knows, the "no
// descartar" tier, candidates with probability bands, next questions, recommended tests and the
// model's scope statement. A failed or timed-out request keeps the last answer, marked not updated.
import { get, BUDGET } from '../api.js';
import { $, el, clear, labelOf } from '../dom.js';
import { t, has, language } from '../i18n.js';
import { panelState } from '../panel.js';
import { S, arrayOf, modelOf, feedback, answerLine, emit } from './state.js';
import { recordEvidence, meansNotApplicable, normValues, shortLabel } from './evidence.js';

const MAX_DDX_ROWS = 8;
const MAX_QUESTIONS = 3;
const MAX_ANSWER_BUTTONS = 4;

/** The panel state of a view section: its status, or the whole request's failure. */
function sectionPanel(statusId, section) {
  if (section.status === 'unavailable') panelState(statusId, 'unavailable', section.problem ? t('fresh.why.moduleOff') : '');
  else if (section.status === 'failed' || section.status === 'incomplete') {
    panelState(statusId, 'error', section.problem ? (section.problem.detail ?? section.problem.title) : '');
  } else panelState(statusId, 'ok', '');
}

/** Renders the differential, next questions and tests of a new view, and reports what was shown. */
export function showDiagnosis(view) {
  sectionPanel('ddx-status', view.diagnosis);
  $('questions-panel').dataset.state = $('ddx-panel').dataset.state;
  sectionPanel('tests-status', view.tests);
  renderDifferential();
  renderTests();
  if (view.diagnosis.status === 'ok') {
    const model = modelOf(S.ddx);
    for (const d of arrayOf(S.ddx, 'differential').slice(0, 5)) feedback('diagnosis', d.code, 'shown', { model });
    for (const q of arrayOf(S.ddx, 'nextQuestions').slice(0, MAX_QUESTIONS)) feedback('question', q.evidence, 'shown', { model });
  }
}

/** The band of a probability: the server's when it sends one, else from the value. */
export function bandOf(d) {
  const given = d.probabilityBand;
  if (typeof given === 'string' && has(`ddx.band.${given}`)) return given;
  const p = d.probability;
  if (typeof p !== 'number' || Number.isNaN(p)) return 'low';
  return p >= 0.6 ? 'high' : p >= 0.2 ? 'medium' : 'low';
}

function bandText(d) {
  return t(`ddx.band.${bandOf(d)}`);
}

function renderFit(fit) {
  const box = $('ddx-fit');
  const doubtful = fit && (fit.verdict === 'low-fit' || fit.verdict === 'out-of-scope');
  box.hidden = !doubtful;
  $('ddx-list').classList.toggle('ddx-secondary', Boolean(doubtful));
  $('ddx-secondary-note').hidden = !doubtful;
  if (!doubtful) return;
  const unmapped = arrayOf(fit, 'unmappedFindings').map(labelOf).filter(Boolean);
  box.dataset.verdict = fit.verdict;
  box.replaceChildren(
    el('strong', { text: t(`ddx.fit.${fit.verdict}`, unmapped.join(', ') || t('ddx.fit.noList')) }),
    el('ul', { class: 'list' }, arrayOf(fit, 'reasons').map((r) => el('li', { text: labelOf(r.text ?? r) }))));
}

function renderMustNotMiss(ddx) {
  const items = ddx ? arrayOf(ddx, 'mustNotMiss') : [];
  const flags = ddx ? arrayOf(ddx, 'redFlags') : [];
  const box = $('ddx-redflags');
  const list = clear($('ddx-redflag-list'));
  for (const m of items) {
    list.append(el('li', { dataset: { code: m.code ?? '' } },
      el('strong', { text: m.name ?? m.code }),
      ` · ${bandText(m)}`,
      arrayOf(m, 'redFlags').length
        ? el('span', { class: 'muted', text: ` — ${t('ddx.becauseOf', arrayOf(m, 'redFlags').map(labelOf).join(', '))}` }) : null));
  }
  // An older server lists red flags without the tier: show those names.
  if (!items.length) {
    for (const f of flags) {
      const code = typeof f === 'object' && f !== null ? f.code : f;
      const cand = arrayOf(ddx, 'differential').find((d) => d.code === code);
      list.append(el('li', { dataset: { code: code ?? '' } }, cand ? cand.name : labelOf(f)));
    }
  }
  box.hidden = list.children.length === 0;
}

export function renderDifferential() {
  const list = clear($('ddx-list'));
  const ddx = S.ddx;
  const model = modelOf(ddx);
  answerLine('ddx-answer', {
    at: S.ddxAt, stale: S.ddxStale,
    source: model ? t('common.model', model.bundle ?? '', model.version ?? '') : '',
  });
  const fb = $('ddx-fallback');
  fb.hidden = !(ddx && ddx.fallback);
  fb.textContent = ddx && ddx.fallback ? t('ddx.fallback', ddx.fallbackReason ?? t('ddx.fallbackGeneric')) : '';
  renderFit(ddx ? ddx.fit : null);
  renderMustNotMiss(ddx);
  const rows = ddx ? arrayOf(ddx, 'differential').slice(0, MAX_DDX_ROWS) : [];
  if (!rows.length) list.append(el('li', { class: 'muted ddx-empty', text: S.ddxStale ? t('ddx.unavailableNoAnswer') : t('ddx.empty') }));
  for (const d of rows) list.append(differentialRow(d, model));
  if (typeof (ddx && ddx.otherMass) === 'number' && ddx.otherMass >= 0.01) {
    list.append(el('li', { class: 'muted ddx-other', text: t('ddx.otherMass', Math.round(ddx.otherMass * 100)) }));
  }
  renderQuestions();
  emit('differential-rendered');
}

function differentialRow(d, model) {
  const open = S.expanded.has(d.code);
  const severe = typeof d.severity === 'number' && d.severity <= 2;
  const band = bandOf(d);
  const bar = el('span', { class: `bar-fill band-${band}` });
  bar.style.width = band === 'high' ? '100%' : band === 'medium' ? '60%' : '25%';
  const whyId = `ddx-why-${d.code}`;
  const state = S.feedback.has(`diagnosis|${d.code}|accepted`) ? 'accepted'
    : S.feedback.has(`diagnosis|${d.code}|dismissed`) ? 'dismissed' : '';
  return el('li', { class: `ddx-row${severe ? ' ddx-severe' : ''}${state ? ` ddx-${state}` : ''}`, dataset: { code: d.code, band } },
    el('div', { class: 'ddx-head' },
      el('span', { class: 'ddx-name', text: d.name ?? d.code }),
      d.icd10 ? el('span', { class: 'muted', text: ` ${d.icd10}` }) : null,
      d.severity !== undefined && d.severity !== null
        ? el('span', { class: `badge${severe ? ' badge-danger' : ''}`, text: t('ddx.severity', d.severity) }) : null,
      state ? el('span', { class: 'badge', text: t(`ddx.${state}`) }) : null),
    el('div', { class: 'ddx-bar-row' },
      el('span', { class: 'bar', role: 'img', 'aria-label': `${t('ddx.probability')}: ${bandText(d)}` }, bar),
      el('span', { class: 'ddx-prob', text: bandText(d) }),
      el('button', {
        type: 'button', class: 'small', 'aria-expanded': String(open), 'aria-controls': whyId, text: t('ddx.why'),
        onclick: (ev) => { if (open) S.expanded.delete(d.code); else S.expanded.add(d.code); renderDifferential(); refocus(ev, whyId); },
      }),
      S.signed ? null : el('button', {
        type: 'button', class: 'small chip-ok', 'aria-label': t('ddx.accept', d.name), text: '✓',
        onclick: () => { feedback('diagnosis', d.code, 'accepted', { model }); renderDifferential(); },
      }),
      S.signed ? null : el('button', {
        type: 'button', class: 'small chip-x', 'aria-label': t('ddx.dismiss', d.name), text: '×',
        onclick: () => { feedback('diagnosis', d.code, 'dismissed', { model }); renderDifferential(); },
      })),
    el('div', { class: 'ddx-why', id: whyId, hidden: !open },
      el('strong', { text: t('ddx.supporting') }),
      el('ul', { class: 'list' }, (d.supporting ?? []).map((s) => el('li', { text: labelOf(s) }))),
      el('strong', { text: t('ddx.missing') }),
      el('ul', { class: 'list' }, (d.missing ?? []).map((s) => el('li', { text: labelOf(s) }))),
      (d.unexplained ?? []).length ? el('strong', { text: t('ddx.unexplained') }) : null,
      (d.unexplained ?? []).length
        ? el('ul', { class: 'list unexplained' }, d.unexplained.map((s) => el('li', { text: labelOf(s) })))
        : null));
}

/** After a re-render, focus goes back to the re-created "Por qué" button rather than to <body>. */
function refocus(ev, whyId) {
  const again = document.querySelector(`button[aria-controls="${CSS.escape(whyId)}"]`);
  if (again) again.focus();
}

function renderQuestions() {
  const list = clear($('question-list'));
  const qs = S.ddx ? arrayOf(S.ddx, 'nextQuestions').slice(0, MAX_QUESTIONS) : [];
  answerLine('questions-answer', { at: qs.length ? S.ddxAt : null, stale: S.ddxStale });
  if (!qs.length) {
    list.append(el('li', { class: 'muted', text: S.ddxStale ? t('questions.unavailable') : t('questions.empty') }));
  }
  qs.forEach((q, qi) => {
    const values = normValues(q.values);
    // Asked as a clinician would note it ("Disnea"), with the DDXPlus question beneath.
    const question = labelOf(q.question ?? q.evidence);
    const label = labelOf(q.label ?? shortLabel(q.evidence) ?? question);
    const answer = (value, valueLabel, present) => {
      // The server records the answer and the question as accepted (answer-question).
      recordEvidence({ code: q.evidence, value, label, valueLabel, present, source: 'question' });
      const next = document.querySelector('#question-list button, #evidence-input');
      if (next) next.focus();
    };
    const choose = (v) => (meansNotApplicable(v) ? answer(null, '', false) : answer(v.code, v.label, true));
    let controls;
    if (values.length > MAX_ANSWER_BUTTONS) {
      const id = `question-select-${qi}`;
      const select = el('select', { id, class: 'question-select' },
        el('option', { value: '', text: t('evidence.chooseValue') }),
        values.map((v) => el('option', { value: v.code, text: v.label })));
      controls = [el('label', { for: id, class: 'sr-only', text: label }), select,
        el('button', { type: 'button', class: 'small', text: t('questions.record'),
          onclick: () => { const v = values.find((x) => x.code === select.value); if (v) choose(v); else select.focus(); } })];
    } else if (values.length) {
      controls = values.map((v) => el('button', { type: 'button', class: 'small', text: v.label, onclick: () => choose(v) }));
    } else {
      controls = [el('button', { type: 'button', class: 'small', text: t('questions.answerYes'), onclick: () => answer(null, '', true) })];
    }
    controls.push(el('button', { type: 'button', class: 'small', text: t('questions.answerNo'), onclick: () => answer(null, '', false) }));
    list.append(el('li', { class: 'question', dataset: { evidence: q.evidence } },
      el('span', { class: 'question-text', text: label }),
      question !== label ? el('span', { class: 'muted question-detail', text: question }) : null,
      el('span', { class: 'question-answers' }, S.signed ? [] : controls)));
  });
}

// ---------------------------------------------------------------- recommended tests (of the view's differential)

export function renderTests() {
  const list = clear($('test-list'));
  const body = S.tests;
  const tests = body ? arrayOf(body, 'tests') : [];
  // The view computes the tests for its own differential: they are stale exactly when it is.
  const stale = S.testsStale;
  answerLine('tests-answer', { at: body ? S.testsAt : null, stale });
  if (!tests.length) list.append(el('li', { class: 'muted', text: t('tests.empty') }));
  const model = { bundle: 'workup-knowledge', version: body && body.knowledgeVersion ? String(body.knowledgeVersion) : null };
  for (const x of tests.slice(0, 12)) {
    const reasons = arrayOf(x, 'reasons').map((r) => (typeof r === 'object' && r !== null
      ? [r.pathologyName ?? labelOf(r), r.purpose].filter(Boolean).join(': ') : labelOf(r))).filter(Boolean);
    const sources = Array.isArray(x.sources) ? x.sources.map(labelOf).join('; ') : labelOf(x.guideline ?? '');
    list.append(el('li', { class: 'test', dataset: { test: x.test ?? '' } },
      el('strong', { text: labelOf(x.name ?? x.test ?? x) }),
      reasons.length ? el('span', { class: 'muted', text: ` ${t('tests.for', reasons.slice(0, 3).join('; '))}` }) : null,
      sources ? el('span', { class: 'source', text: ` ${t('common.source', sources)}` }) : null));
    if (!stale) feedback('test', x.test ?? labelOf(x.name ?? x), 'shown', model.version ? { model } : {});
  }
}

// ---------------------------------------------------------------- scope statement

/** Loads what the model covers; the block stays hidden when the server has no scope statement. */
let scopeMissing = false;

export async function loadScope() {
  const box = $('ddx-scope');
  if (scopeMissing) return;
  try {
    const scope = await get(`/api/v1/diagnosis/scope?lang=${language()}`, { budgetMs: BUDGET.quick });
    const covers = arrayOf(scope, 'covers').map(labelOf);
    const notCovered = arrayOf(scope, 'notCovered').map(labelOf);
    $('ddx-scope-body').replaceChildren(
      scope && scope.summary ? el('p', { text: labelOf(scope.summary) }) : '',
      covers.length ? el('p', { text: t('ddx.scope.covers', covers.join(', ')) }) : '',
      notCovered.length ? el('p', { text: t('ddx.scope.notCovered', notCovered.join(', ')) }) : '');
    box.hidden = !(scope && (scope.summary || covers.length || notCovered.length));
  } catch (e) {
    // A server without a scope statement answers 404: ask no more during this page's life.
    scopeMissing = e.status === 404;
    box.hidden = true;
  }
}
