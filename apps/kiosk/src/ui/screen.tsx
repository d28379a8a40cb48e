import type { ReactNode } from 'react';

/**
 * Every screen: a top bar and one main area that fills the rest of the
 * display. The main flow is laid out to fit 1080×1920 and 1920×1080 without
 * scrolling; smaller displays scroll rather than cut anything off.
 */
export function Screen({
  top,
  children,
  className = '',
  nav,
}: {
  top: ReactNode;
  children: ReactNode;
  className?: string;
  nav?: ReactNode;
}) {
  return (
    <div className={`screen ${className}`}>
      <header className="top-bar">{top}</header>
      {nav}
      <main className="screen-main">{children}</main>
    </div>
  );
}
