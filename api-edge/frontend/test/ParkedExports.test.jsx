import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ParkedExports } from '../src/components/ParkedExports.jsx';

const entry = (change) => ({
  provider: 'slack', partition: 0, offset: 1, parked_at: '2026-11-25T10:15:30Z',
  export_id: '7f1c2b4e-0000-4000-8000-000000000001', user_id: '00000000-0000-4000-8000-000000000001',
  destination_id: 'C0000000007', destination_name: '#team-0007', attempts: 3, error_code: 'slack_unavailable',
  error_message: 'Slack is unavailable', first_failure: 'slack_unavailable: 503', cause: 'Slack is unavailable',
  status: 'DEAD_LETTERED', replayable: true, ...change,
});

const selection = { provider: 'slack', kind: 'dead-letters', errorCode: 'slack_unavailable', cause: '', from: '', to: '' };
const counts = { provider: 'slack', dead_lettered: [{ error_code: 'slack_unavailable', waiting: 2, total: 3 }], parked: [] };

function answer(status, body) {
  return Promise.resolve(new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  }));
}

describe('ParkedExports', () => {
  beforeAll(() => {
    // jsdom has no <dialog> methods
    HTMLDialogElement.prototype.showModal = function showModal() { this.setAttribute('open', ''); };
    HTMLDialogElement.prototype.close = function close() { this.removeAttribute('open'); };
  });
  afterEach(() => vi.unstubAllGlobals());

  it('confirms a batch replay with the count it sends, and sends that count', async () => {
    const list = [entry(), entry({ offset: 2, export_id: '7f1c2b4e-0000-4000-8000-000000000002' }),
      entry({ offset: 3, export_id: '7f1c2b4e-0000-4000-8000-000000000003', status: 'SUCCEEDED', replayable: false })];
    const fetch = vi.fn((path, { method }) => (method === 'POST'
      ? answer(200, { results: { REQUEUED: 2, NOT_REQUEUEABLE: 1 }, selected: 3 })
      : answer(200, list)));
    vi.stubGlobal('fetch', fetch);
    const replayed = vi.fn();
    render(<ParkedExports providers={['slack']} selection={selection} onSelectionChange={() => {}} counts={counts}
      refreshKey={0} onReplayed={replayed} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Replay 2 dead letters' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Replay 2 dead letters?');
    expect(dialog).toHaveTextContent('2 dead letters of slack with error slack_unavailable will be sent again');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replay 2' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Replayed: 2 requeued, 1 skipped.'));
    const [path, request] = fetch.mock.calls.find(([, options]) => options.method === 'POST');
    expect(path).toBe('/api/ops/dead-letters/slack/replay');
    expect(JSON.parse(request.body)).toEqual({ error_code: 'slack_unavailable', expected_count: 2 });
    expect(replayed).toHaveBeenCalled();
    expect(fetch.mock.calls[0][0]).toBe('/api/ops/dead-letters/slack?error_code=slack_unavailable');
  });

  it('tells the operator when the selection changed before the replay', async () => {
    vi.stubGlobal('fetch', vi.fn((path, { method }) => (method === 'POST'
      ? answer(409, { status: 409, detail: 'The selection now holds 3 dead letters to replay, not the 1 confirmed' })
      : answer(200, [entry()]))));
    render(<ParkedExports providers={['slack']} selection={selection} onSelectionChange={() => {}} counts={counts}
      refreshKey={0} onReplayed={() => {}} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Replay 1 dead letter' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Replay 1' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('not the 1 confirmed'));
  });

  it('offers no batch for parked exports, only one at a time', async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer(200, [entry()])));
    render(<ParkedExports providers={['slack']} selection={{ ...selection, kind: 'parked' }}
      onSelectionChange={() => {}} counts={counts} refreshKey={0} onReplayed={() => {}} />);

    expect(await screen.findByRole('button', { name: 'Replay' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Replay \d/ })).toBeNull();
  });
});
