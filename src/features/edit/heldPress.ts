import { useState } from 'react';

/**
 * A button that keeps its pressed look (the `held-press` class, see app.css) from the moment it is
 * pressed until the edit it starts is answered. Letting go of it then changes nothing on screen, so
 * the page draws no frame of its own between the click and the edit's frame: a software GPU
 * (SwiftShader) composites each frame for 15-60 ms of the CPU the edit needs. The class must be
 * there before the release, as a window listener (MapLibre's) reads the layout at the mouseup,
 * before the click. `reset` lets go of it without an edit (a new area to give).
 */
export function useHeldPress(): {
  props: { className?: string; onPointerDown: () => void; onPointerLeave: () => void; onPointerCancel: () => void };
  until: (edit: Promise<boolean>) => void;
  reset: () => void;
} {
  const [held, setHeld] = useState(false);
  const letGo = () => setHeld(false);
  return {
    props: { className: held ? 'held-press' : undefined, onPointerDown: () => setHeld(true), onPointerLeave: letGo, onPointerCancel: letGo },
    until(edit) {
      setHeld(true);
      // Given, the button goes with its card in the edit's frame; refused, it is let go of.
      void edit.then((given) => given || setHeld(false), letGo);
    },
    reset: letGo,
  };
}
