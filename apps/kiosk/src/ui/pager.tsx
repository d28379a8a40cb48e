import { type ReactNode, useState } from 'react';
import { BackIcon, NextIcon } from './icons';

/**
 * A list a page at a time: the kiosk pages by tapping, never by swiping or scrolling. A page
 * past the end (the list got shorter) shows the last one.
 */
export function usePages<T>(items: readonly T[], size: number) {
  const [wanted, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(wanted, pages - 1);
  const turn = (to: number) => (to >= 0 && to < pages ? () => setPage(to) : null);
  return {
    page,
    pages,
    shown: items.slice(page * size, (page + 1) * size),
    previous: turn(page - 1),
    next: turn(page + 1),
  };
}

/**
 * Two large buttons to turn the page, each greyed out where there is nowhere to go; anything
 * else that belongs under the list sits between them.
 */
export function Pager({
  previous,
  next,
  previousLabel,
  nextLabel,
  children,
}: {
  previous: (() => void) | null;
  next: (() => void) | null;
  previousLabel: string;
  nextLabel: string;
  children?: ReactNode;
}) {
  return (
    <div className="pager">
      <button
        type="button"
        className="button button-secondary"
        disabled={!previous}
        onClick={() => previous?.()}
      >
        <BackIcon />
        {previousLabel}
      </button>
      {children}
      <button
        type="button"
        className="button button-secondary"
        disabled={!next}
        onClick={() => next?.()}
      >
        {nextLabel}
        <NextIcon />
      </button>
    </div>
  );
}
