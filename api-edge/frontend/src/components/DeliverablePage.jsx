import { useMemo, useReducer } from 'react';
import { useIntegrations } from '../lib/integrations.js';
import { SAMPLE_MARKDOWN, SAMPLE_TITLE, versionIdOf } from '../lib/sampleDeliverable.js';
import { devMode, userId } from '../lib/session.js';
import { AutoExportPanel } from './AutoExportPanel.jsx';
import { DevApproval } from './DevApproval.jsx';
import { ExportBar } from './ExportBar.jsx';
import { HistoryPanel } from './HistoryPanel.jsx';
import { Markdown } from './Markdown.jsx';

/** A deliverable with its export action bar, its export history and its auto-export destinations. */
export function DeliverablePage({ deliverableId }) {
  const { providers, connections, error } = useIntegrations();
  const [historyKey, refreshHistory] = useReducer((key) => key + 1, 0);
  const deliverable = useMemo(() => ({
    id: deliverableId,
    versionId: versionIdOf(deliverableId, userId()),
    title: SAMPLE_TITLE,
    content: SAMPLE_MARKDOWN,
    markdown: `# ${SAMPLE_TITLE}\n\n${SAMPLE_MARKDOWN}`,
  }), [deliverableId]);

  return (
    <main id="main" className="deliverable-page" tabIndex="-1">
      <article className="deliverable" aria-labelledby="deliverable-title">
        <p className="eyebrow">Deliverable · approved version <code title={deliverable.versionId}>{deliverable.versionId.slice(0, 8)}</code></p>
        <h1 id="deliverable-title">{deliverable.title}</h1>
        <Markdown source={deliverable.content} />
      </article>
      {error && <p className="error" role="alert">{error.message}</p>}
      {providers && (
        <>
          <ExportBar deliverable={deliverable} providers={providers} connections={connections}
            onExportsChanged={refreshHistory} />
          <div className="side-by-side">
            <HistoryPanel deliverableId={deliverableId} providers={providers} refreshKey={historyKey} />
            <div>
              <AutoExportPanel deliverableId={deliverableId} providers={providers} connections={connections} />
              {devMode() && <DevApproval deliverable={deliverable} onApproved={refreshHistory} />}
            </div>
          </div>
        </>
      )}
    </main>
  );
}
