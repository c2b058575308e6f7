import { useEffect, useState, type RefObject } from 'react';

/**
 * The element's width in CSS pixels, followed as it resizes; `fallback` until it is measured (and where there is no
 * ResizeObserver). A chart that draws its SVG at this width (`viewBox="0 0 <width> …"`) keeps its text at the
 * stylesheet's size on a phone instead of shrinking a desktop drawing to a few pixels.
 */
export function useElementWidth(ref: RefObject<Element | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => {
      const measured = Math.round(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
