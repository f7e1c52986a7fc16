import { useEffect, useState } from 'react';

/** The page's few routes live in the path; links call navigate() instead of reloading the page. */
export function navigate(path) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation() {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  useEffect(() => {
    const changed = () => setLocation({ path: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', changed);
    return () => window.removeEventListener('popstate', changed);
  }, []);
  return location;
}

/** An in-page link: a real <a href> (open in a new tab works), followed without a reload on a plain click. */
export function followLink(event) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href'));
}
