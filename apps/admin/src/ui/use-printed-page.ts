import { useEffect } from 'react';

/**
 * Sets the printed page's size (a CSS `@page` size, e.g. "A4 portrait") while a printable page
 * is open. An @page rule cannot follow a class, so it goes in its own <style>, removed when the
 * page closes.
 */
export function usePrintedPage(size: string) {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.printedPage = size;
    style.textContent = `@page { size: ${size}; margin: 0; }`;
    document.head.append(style);
    return () => style.remove();
  }, [size]);
}
