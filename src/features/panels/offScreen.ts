import { useEffect, useState } from 'react';

/** The nearest ancestor of `el` that scrolls its content, or null for the page. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (/auto|scroll/.test(getComputedStyle(p).overflowY)) return p;
  return null;
}

/**
 * Whether the element given to the returned ref is on screen or within a quarter of its scrolling
 * column's height of it (true until it is known, and while there is no element).
 */
export function useNearScreen(): [boolean, (el: HTMLElement | null) => void] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [near, setNear] = useState(true);
  useEffect(() => {
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setNear(entry.isIntersecting), { root: scrollParent(el), rootMargin: '25% 0px' });
    observer.observe(el);
    return () => {
      observer.disconnect();
      setNear(true);
    };
  }, [el]);
  return [near, setEl];
}

/**
 * `value`, except while `hold` is true: then the value given when it last was false. A card far
 * down the side column holds its figures so that it is not drawn again on every edit unseen; it
 * catches up as it scrolls near (see useNearScreen).
 */
export function useHeldWhile<T>(hold: boolean, value: T): T {
  const [held, setHeld] = useState(value);
  if (!hold && held !== value) setHeld(value);
  return hold ? held : value;
}
