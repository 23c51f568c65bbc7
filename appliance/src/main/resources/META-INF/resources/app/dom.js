// Small DOM helpers. Every piece of data reaches the page as a text node or an attribute value,
// never as HTML: this is what keeps a note containing <script> inert.

/**
 * Creates an element. props: class, text, dataset, on<event> handlers, boolean attributes
 * (true → present, false/null → absent) and plain attributes. Children may be nodes or strings.
 */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

export function $(id) {
  return document.getElementById(id);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Calls fn at most once per `ms` of quiet: the last call wins. */
export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.flush = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  return wrapped;
}

/** Lower case, accents stripped: the same folding the server's TextFold applies to typed text. */
export function fold(s) {
  return String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A readable label for a value the API may send as a string or as an object. */
export function labelOf(v) {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  return String(v.label ?? v.name ?? v.text ?? v.question ?? v.display ?? v.title
    ?? v.dci ?? v.inn ?? v.evidence ?? v.code ?? v.key ?? '');
}

/** Age in whole years at `today` of an ISO birth date, or null. */
export function ageOf(birthDate, today = new Date()) {
  if (!birthDate) return null;
  const b = new Date(birthDate + 'T00:00:00');
  if (Number.isNaN(b.getTime())) return null;
  let age = today.getFullYear() - b.getFullYear();
  const m = today.getMonth() - b.getMonth();
  if (m < 0 || (m === 0 && today.getDate() < b.getDate())) age--;
  return age;
}
