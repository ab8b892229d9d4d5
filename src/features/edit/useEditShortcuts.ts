import { useEffect } from 'react';
import { redoEdit, undoEdit } from '../../app/editActions';

// Inputs that take no typing (antd's Segmented and Radio keep the focus on a radio input after a click).
const NOT_TYPED = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether a key pressed in `el` types into a field (its own undo), rather than undoing an edit. */
function isTypingIn(el: Element | null): boolean {
  const field = el?.closest('input, textarea, [contenteditable="true"]');
  if (!field) return false;
  return !(field instanceof HTMLInputElement && (NOT_TYPED.has(field.type) || field.readOnly));
}

/** Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes — except while typing in a field. */
export function useEditShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTypingIn(e.target as Element | null)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) void undoEdit();
      else if ((key === 'z' && e.shiftKey) || key === 'y') void redoEdit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
