// Keyboard shortcuts: the configuration maps actions to keys ("Space", "H", "Shift+E", "F5", "?"); a key press is named
// the same way and runs its action, unless the operator is typing (an input, a text area, a list box has the focus).

const named = { ' ': 'Space', Esc: 'Escape', Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight' };

/** The configuration's name of a key press: modifiers first; Shift only with keys that are not a sign it makes. */
export function keyName(event) {
  let key = named[event.key] ?? event.key;
  if (key.length === 1) key = key.toUpperCase();
  const sign = key.length === 1 && !/[A-Z0-9]/.test(key);
  const parts = [];
  if (event.ctrlKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && !sign) parts.push('Shift');
  if (event.metaKey) parts.push('Meta');
  return [...parts, key].join('+');
}

export const isTyping = target =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Listens for the shortcuts: run(action) for a mapped key; Escape still works in a field (it leaves it). */
export function listen(shortcuts, run) {
  const byKey = new Map(Object.entries(shortcuts).map(([action, key]) => [key.toUpperCase(), action]));
  document.addEventListener('keydown', event => {
    if (event.repeat || ['Control', 'Shift', 'Alt', 'Meta'].includes(event.key)) return;
    const action = byKey.get(keyName(event).toUpperCase());
    if (!action) return;
    if (isTyping(event.target)) {
      if (action === 'cancel') event.target.blur();
      return;
    }
    event.preventDefault();
    run(action);
  });
}
