import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssistantSetup } from '../src/components/AssistantSetup.jsx';
import { signIn, signOut } from '../src/lib/session.js';

const USER = '00000000-0000-4000-8000-0000000000a1';
// a session token for USER (only its subject is read by the page)
const SESSION = `x.${btoa(JSON.stringify({ sub: USER })).replace(/=+$/, '')}.y`;
const ASSISTANT_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhc3Npc3RhbnQifQ.c2lnbmVk';
const endpoint = () => `${window.location.origin}/mcp`;

const json = (body, status = 200) => new Response(JSON.stringify(body),
  { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  signOut();
});

describe('AssistantSetup', () => {
  it('shows the endpoint of this server and both snippets with a placeholder for the token', () => {
    signIn(SESSION, { dev: true });
    render(<AssistantSetup />);

    expect(screen.getByRole('heading', { name: 'Use YARNNN from your AI assistant' })).toBeInTheDocument();
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue(endpoint());
    expect(document.getElementById('mcp-claude-code')).toHaveTextContent(
      `claude mcp add --transport http yarnnn ${endpoint()} --header "Authorization: Bearer <token>"`);
    expect(JSON.parse(document.getElementById('mcp-claude-desktop').textContent)).toEqual({
      mcpServers: { yarnnn: { command: 'npx', args: ['mcp-remote', endpoint(), '--header', 'Authorization: Bearer <token>'] } },
    });
  });

  it('creates a token for the endpoint through the dev login and fills it into both snippets', async () => {
    signIn(SESSION, { dev: true });
    const fetch = vi.fn(async () => json({ user_id: USER, token: ASSISTANT_TOKEN, expires_at: '2026-12-06T14:00:00Z' }));
    vi.stubGlobal('fetch', fetch);
    const log = vi.spyOn(console, 'log');
    render(<AssistantSetup />);

    await userEvent.click(screen.getByRole('button', { name: 'Create a token for your assistant' }));

    expect(await screen.findByText(/the token is in both snippets below and expires/)).toBeInTheDocument();
    expect(fetch.mock.calls[0][0]).toBe('/api/dev/login');
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({ user_id: USER, audience: endpoint() });
    expect(document.getElementById('mcp-claude-code')).toHaveTextContent(`--header "Authorization: Bearer ${ASSISTANT_TOKEN}"`);
    expect(document.getElementById('mcp-claude-desktop')).toHaveTextContent(`"Authorization: Bearer ${ASSISTANT_TOKEN}"`);
    expect(screen.getByText(/expires/).querySelector('time')).toHaveAttribute('dateTime', '2026-12-06T14:00:00Z');
    expect(screen.getByText(/expires/)).not.toHaveTextContent(ASSISTANT_TOKEN);
    expect(log).not.toHaveBeenCalled();
  });

  it('says why when the token cannot be created', async () => {
    signIn(SESSION, { dev: true });
    vi.stubGlobal('fetch', vi.fn(async () => json({ detail: 'Not Found' }, 404)));
    render(<AssistantSetup />);

    await userEvent.click(screen.getByRole('button', { name: 'Create a token for your assistant' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Not Found');
    expect(document.getElementById('mcp-claude-code')).toHaveTextContent('Bearer <token>');
  });

  it('signed in with a pasted token, says where the token comes from instead', () => {
    signIn(SESSION);
    render(<AssistantSetup />);

    expect(screen.queryByRole('button', { name: /Create a token/ })).not.toBeInTheDocument();
    expect(screen.getByText(/The token comes from the product’s sign-in/)).toBeInTheDocument();
  });

  it('copies each item and says so beside its button', async () => {
    signIn(SESSION, { dev: true });
    const user = userEvent.setup();
    render(<AssistantSetup />);

    await user.click(screen.getByRole('button', { name: 'Copy the endpoint URL' }));
    expect(await navigator.clipboard.readText()).toBe(endpoint());
    expect(screen.getByText('Copied the endpoint URL.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy the Claude Code command' }));
    expect(await navigator.clipboard.readText()).toMatch(/^claude mcp add --transport http yarnnn /);
    const claudeCode = screen.getByRole('button', { name: 'Copy the Claude Code command' }).parentElement;
    expect(within(claudeCode).getByText('Copied the Claude Code command.')).toBeInTheDocument();
    expect(screen.queryByText('Copied the endpoint URL.')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy the Claude Desktop configuration' }));
    expect(JSON.parse(await navigator.clipboard.readText()).mcpServers.yarnnn.command).toBe('npx');
  });
});
