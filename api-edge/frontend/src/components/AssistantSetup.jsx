import { useState } from 'react';
import { api } from '../lib/api.js';
import { claudeCodeCommand, claudeDesktopConfig, mcpEndpoint } from '../lib/assistantSetup.js';
import { copyToClipboard } from '../lib/clipboard.js';
import { dateTime } from '../lib/format.js';
import { devMode, userId } from '../lib/session.js';

/**
 * Settings › Integrations: how to use YARNNN from an AI assistant (its MCP server at /mcp): the endpoint and the
 * Claude Code and Claude Desktop configuration, each to copy. Signed in through the dev login, a token for the
 * endpoint (its URL as the audience) is created here and filled into the snippets; it is kept nowhere else.
 */
export function AssistantSetup() {
  const endpoint = mcpEndpoint(window.location.origin);
  const [issued, setIssued] = useState(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(null);
  const [copied, setCopied] = useState({ item: null, message: '' });
  const token = issued?.token;

  const createToken = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const created = await api('/api/dev/login', { method: 'POST', body: { user_id: userId(), audience: endpoint } });
      setIssued({ token: created.token, expiresAt: created.expires_at });
    } catch (failure) {
      setProblem(failure.message);
    } finally {
      setBusy(false);
    }
  };

  const copy = async (item, text, what) => {
    setCopied({ item: null, message: '' });
    setCopied({ item, message: await copyToClipboard(text, what) });
  };
  const copiedOf = (item) => (copied.item === item ? copied.message : '');

  return (
    <section className="panel assistant" aria-labelledby="assistant-title">
      <h2 id="assistant-title">Use YARNNN from your AI assistant</h2>
      <p className="hint">
        YARNNN is an MCP server: Claude Code, Claude Desktop or any MCP client can list your integrations and export
        with your connected accounts, as you.
      </p>
      <label htmlFor="mcp-endpoint">Endpoint URL</label>
      <div className="copy-row">
        <input id="mcp-endpoint" readOnly value={endpoint} spellCheck="false" onFocus={(e) => e.target.select()} />
        <CopyButton what="the endpoint URL" onCopy={() => copy('endpoint', endpoint, 'the endpoint URL')}
          message={copiedOf('endpoint')} />
      </div>

      {devMode() ? (
        <div className="assistant-token">
          <button type="button" className="primary" onClick={createToken} disabled={busy}>
            {busy ? 'Creating a token…' : 'Create a token for your assistant'}
          </button>
          <p className="hint" aria-live="polite">
            {issued && (
              <>
                Created: the token is in both snippets below and expires
                {' '}<time dateTime={issued.expiresAt}>{dateTime(issued.expiresAt)}</time>. Keep it like a password.
              </>
            )}
          </p>
          {problem && <p className="error" role="alert">{problem}</p>}
        </div>
      ) : (
        <p className="hint">The token comes from the product’s sign-in, issued with this endpoint URL as its audience.</p>
      )}

      <Snippet id="mcp-claude-code" title="Claude Code" what="the Claude Code command"
        text={claudeCodeCommand(endpoint, token)} message={copiedOf('claude-code')}
        onCopy={(text) => copy('claude-code', text, 'the Claude Code command')}>
        Run in a terminal:
      </Snippet>
      <Snippet id="mcp-claude-desktop" title="Claude Desktop" what="the Claude Desktop configuration"
        text={claudeDesktopConfig(endpoint, token)} message={copiedOf('claude-desktop')}
        onCopy={(text) => copy('claude-desktop', text, 'the Claude Desktop configuration')}>
        Add to <code>claude_desktop_config.json</code> (the <code>mcp-remote</code> bridge runs with Node.js):
      </Snippet>
    </section>
  );
}

function Snippet({ id, title, what, text, message, onCopy, children }) {
  return (
    <div className="snippet">
      <div className="snippet-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <CopyButton what={what} onCopy={() => onCopy(text)} message={message} />
      </div>
      <p className="hint">{children}</p>
      <pre id={id}><code>{text}</code></pre>
    </div>
  );
}

/** "Copy", named for what it copies; the live region beside it says "Copied …" (or that the browser refused). */
function CopyButton({ what, onCopy, message }) {
  return (
    <span className="copy">
      <button type="button" onClick={onCopy} aria-label={`Copy ${what}`}>Copy</button>
      <span className="hint" aria-live="polite">{message}</span>
    </span>
  );
}
