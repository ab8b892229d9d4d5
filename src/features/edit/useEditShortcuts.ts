import { useEffect } from 'react';
import { redoEdit, undoEdit } from '../../app/editActions';

/** Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes — except while typing in a field. */
export function useEditShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!(e.ctrlKey || e.metaKey) || target?.closest('input, textarea, [contenteditable="true"]')) return;
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
