import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DeliverablePage } from './components/DeliverablePage.jsx';
import { Header } from './components/Header.jsx';
import { IntegrationsPage } from './components/IntegrationsPage.jsx';
import { OperationsPage } from './components/OperationsPage.jsx';
import { SignIn } from './components/SignIn.jsx';
import { announceOAuthResult, oauthResultOf } from './lib/oauthPopup.js';
import { navigate, useLocation } from './lib/router.js';
import { defaultDeliverableId } from './lib/sampleDeliverable.js';
import { isOperator, signOut, token, userId } from './lib/session.js';
import './styles.css';

const SETTINGS = '/settings/integrations';
const OPERATIONS = '/ops';

function App() {
  const { path, search } = useLocation();
  const [signedIn, setSignedIn] = useState(() => Boolean(token()));
  const [returned] = useState(() => (path === SETTINGS ? oauthResultOf(search) : null));

  useEffect(() => {
    if (returned) {
      announceOAuthResult(returned);
    }
  }, [returned]);

  useEffect(() => {
    const signedOut = () => setSignedIn(false);
    window.addEventListener('yarnnn:signed-out', signedOut);
    return () => window.removeEventListener('yarnnn:signed-out', signedOut);
  }, []);

  useEffect(() => {
    if (signedIn && (path === '/' || path === '/sign-in')) {
      window.history.replaceState(null, '', `/deliverables/${defaultDeliverableId(userId())}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }
  }, [signedIn, path]);

  // after an in-page navigation, focus moves to the new page's main content
  useEffect(() => {
    document.getElementById('main')?.focus();
  }, [path]);

  if (!signedIn) {
    return <SignIn onSignedIn={() => setSignedIn(true)} />;
  }
  const deliverable = path.match(/^\/deliverables\/([0-9a-fA-F-]{36})$/);
  // only an operator's token sees the view; any other never calls its routes (the server refuses them anyway)
  const operations = path === OPERATIONS && isOperator();
  return (
    <>
      <Header path={path} onSignOut={() => { signOut(); setSignedIn(false); navigate('/sign-in'); }} />
      {path === SETTINGS && <IntegrationsPage returned={returned} />}
      {deliverable && <DeliverablePage key={deliverable[1]} deliverableId={deliverable[1].toLowerCase()} />}
      {operations && <OperationsPage />}
      {path !== SETTINGS && !deliverable && !operations && path !== '/' && path !== '/sign-in' && (
        <main id="main" tabIndex="-1"><h1>Not found</h1><p>There is no page at {path}.</p></main>
      )}
    </>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
