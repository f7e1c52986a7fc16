import { useState } from 'react';
import { api } from '../lib/api.js';

/**
 * Local stack only (signed in through the dev login): plays the product approving a new version of this deliverable,
 * which sends it to every auto-export destination. The new exports appear in the history.
 */
export function DevApproval({ deliverable, onApproved }) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const approve = async () => {
    setBusy(true);
    try {
      const approved = await api('/api/dev/approvals', {
        method: 'POST',
        body: { deliverable_id: deliverable.id, title: deliverable.title, content: deliverable.content },
      });
      setMessage(`Approved version ${approved.version_id.slice(0, 8)}: auto-exports are on their way.`);
      onApproved();
    } catch (failure) {
      setMessage(failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <p className="dev-approval">
      <button type="button" onClick={approve} disabled={busy}>Approve a new version</button>
      <span className="hint"> (local stack: plays the product’s approval) </span>
      <span aria-live="polite">{message}</span>
    </p>
  );
}
