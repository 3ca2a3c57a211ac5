import { useEffect, useRef } from 'react';

/** What counts as someone being at the keyboard. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Calls `onIdle` once the window has seen no mouse, keyboard or touch for `minutes` (null: off).
 * The core keeps its own idle clock too; this one locks the screen at the right moment even
 * when no call reaches the core, and sees activity the core cannot (typing into a form).
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (minutes === null) return undefined;
    let last = Date.now();
    const mark = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY)
      window.addEventListener(type, mark, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) {
        last = Date.now();
        callback.current();
      }
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, mark, { capture: true });
    };
  }, [minutes]);
}
