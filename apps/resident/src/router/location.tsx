import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';

type Place = { pathname: string; search: string };
type Navigate = (to: string, options?: { replace?: boolean }) => void;
type LocationValue = Place & { navigate: Navigate };

const LocationContext = createContext<LocationValue | null>(null);

function currentPlace(): Place {
  return { pathname: window.location.pathname, search: window.location.search };
}

/** The address bar as React state: links and back/forward change it without a page load. */
export function LocationProvider({ children }: { children: ReactNode }) {
  const [place, setPlace] = useState(currentPlace);
  useEffect(() => {
    const onPop = () => setPlace(currentPlace());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback<Navigate>((to, { replace = false } = {}) => {
    if (replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setPlace(currentPlace());
    window.scrollTo?.(0, 0);
  }, []);
  const value = useMemo(() => ({ ...place, navigate }), [place, navigate]);
  return <LocationContext.Provider value={value}>{children}</LocationContext.Provider>;
}

export function useLocation(): LocationValue {
  const value = useContext(LocationContext);
  if (!value) throw new Error('useLocation outside LocationProvider');
  return value;
}

/** A real link (it opens in a new tab, and reads as a link), followed in the app when tapped. */
export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useLocation();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
