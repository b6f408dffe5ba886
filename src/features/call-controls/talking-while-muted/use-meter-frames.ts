import { useEffect, type RefObject } from 'react';

/** Smallest change worth writing to the DOM (the meter is a few dozen pixels wide). */
const STEP = 0.01;

/**
 * Draws the level into a `<meter>` from `requestAnimationFrame`, writing the DOM node directly:
 * no React state, so the meter costs no renders. Animation frames pause in a hidden page.
 */
export function useMeterFrames(
  meter: RefObject<HTMLMeterElement | null>,
  source: { meterLevel(): number },
  running: boolean,
): void {
  useEffect(() => {
    if (!running) return undefined;
    let frame = 0;
    let shown = -1;
    const draw = () => {
      const value = source.meterLevel();
      const node = meter.current;
      if (node && Math.abs(value - shown) >= STEP) {
        node.value = value;
        shown = value;
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [meter, source, running]);
}
