/**
 * Calls `report` with the element's height (whole CSS pixels) now and on every layout change that alters it
 * (ResizeObserver: fields appearing, error messages, the receipt), never twice in a row with the same value. The
 * element must be the page's content wrapper, not <html>: the document is at least as tall as the iframe, so its
 * height could grow but never shrink back. Returns a function that stops observing.
 */
export function observeContentHeight(element: Element, report: (height: number) => void): () => void {
  let last = -1;
  const measure = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      report(height);
    }
  };
  const observer = new ResizeObserver(measure);
  observer.observe(element);
  measure();
  return () => observer.disconnect();
}
