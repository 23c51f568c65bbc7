// The note being typed is kept in this browser's localStorage so that an expired session, a crash
// or a closed tab does not lose it. Drafts are dropped at sign-off and at an orderly logout.
const PREFIX = 'mediassist.draft.';

export function saveLocalDraft(consultationId, draft) {
  try {
    localStorage.setItem(PREFIX + consultationId, JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch (e) {
    // Storage full or disabled: the server-side draft still gets the text.
  }
}

export function loadLocalDraft(consultationId) {
  try {
    const raw = localStorage.getItem(PREFIX + consultationId);
    return raw ? JSON.parse(raw) : null;
  } catch (e) {
    return null;
  }
}

export function dropLocalDraft(consultationId) {
  localStorage.removeItem(PREFIX + consultationId);
}

export function dropAllLocalDrafts() {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key && key.startsWith(PREFIX)) localStorage.removeItem(key);
  }
}
