// Small helpers for building the panel's markup: text is always escaped.

export const esc = value => String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** Sets an element's text only when it changes (the stream updates 12.5 times a second). */
export function setText(element, text) {
  const value = text ?? '—';
  if (element && element.textContent !== value) element.textContent = value;
}

export const find = (root, role) => root.querySelector(`[data-r="${role}"]`);
