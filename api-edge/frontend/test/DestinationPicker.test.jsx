import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DestinationPicker } from '../src/components/DestinationPicker.jsx';
import { ApiError } from '../src/lib/api.js';

const slack = { id: 'slack', display_name: 'Slack' };
const channels = [
  { id: 'C001', name: '#general', kind: 'channel' },
  { id: 'C002', name: '#reports', kind: 'channel' },
  { id: 'C003', name: '#revenue-team', kind: 'channel' },
];

function Picker({ provider = slack, load = () => Promise.resolve(channels), onPick = () => {} }) {
  const [value, setValue] = useState(null);
  return <DestinationPicker provider={provider} value={value} loadDestinations={load}
    onChange={(destination) => { setValue(destination); onPick(destination); }} />;
}

const options = () => screen.getAllByRole('option').map((option) => option.textContent);

describe('DestinationPicker', () => {
  it('lists the connected account\'s destinations and filters them as the user types', async () => {
    const load = vi.fn(() => Promise.resolve(channels));
    render(<Picker load={load} />);

    await waitFor(() => expect(options()).toEqual(['#general', '#reports', '#revenue-team']));
    expect(load).toHaveBeenCalledWith('slack');

    await userEvent.type(screen.getByRole('combobox', { name: 'Search channels' }), 're');
    expect(options()).toEqual(['#reports', '#revenue-team']);
    await userEvent.type(screen.getByRole('combobox'), 'v');
    expect(options()).toEqual(['#revenue-team']);
  });

  it('is used with the keyboard: arrows move, Enter picks', async () => {
    const onPick = vi.fn();
    render(<Picker onPick={onPick} />);
    const search = await screen.findByRole('combobox', { name: 'Search channels' });
    await waitFor(() => expect(options()).toHaveLength(3));

    search.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(search).toHaveAttribute('aria-activedescendant', screen.getByRole('option', { name: '#reports' }).id);
    await userEvent.keyboard('{Enter}');

    expect(onPick).toHaveBeenCalledWith(channels[1]);
    expect(screen.getByRole('option', { name: '#reports' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Selected: #reports')).toBeInTheDocument();
  });

  it('picks with a click', async () => {
    const onPick = vi.fn();
    render(<Picker onPick={onPick} />);

    await userEvent.click(await screen.findByRole('option', { name: '#revenue-team' }));

    expect(onPick).toHaveBeenCalledWith(channels[2]);
  });

  it('says when nothing matches', async () => {
    render(<Picker />);
    await waitFor(() => expect(options()).toHaveLength(3));

    await userEvent.type(screen.getByRole('combobox'), 'marketing');

    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No channel matches “marketing”.')).toBeInTheDocument();
  });

  it('sends the user to settings when the connection needs reconnecting', async () => {
    const refused = new ApiError(409, { detail: 'Reconnect Slack: its access was revoked', code: 'needs_reauth' });
    render(<Picker load={() => Promise.reject(refused)} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Reconnect Slack: its access was revoked');
    expect(screen.getByRole('link', { name: 'Open settings' })).toHaveAttribute('href', '/settings/integrations');
  });

  it('asks for recipients instead of a list for email', async () => {
    const onPick = vi.fn();
    const load = vi.fn();
    render(<Picker provider={{ id: 'gmail', display_name: 'Gmail' }} load={load} onPick={onPick} />);

    const recipient = screen.getByRole('textbox', { name: 'Recipient email' });
    expect(recipient).toHaveAttribute('type', 'email');
    await userEvent.type(recipient, 'ann@example.com');

    expect(onPick).toHaveBeenLastCalledWith({ id: 'ann@example.com', name: 'ann@example.com' });
    expect(load).not.toHaveBeenCalled();
  });

  it('asks for a folder for the folder provider', async () => {
    const onPick = vi.fn();
    render(<Picker provider={{ id: 'folder', display_name: 'Folder' }} onPick={onPick} />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Folder' }), 'reports');

    expect(onPick).toHaveBeenLastCalledWith({ id: 'reports', name: 'reports' });
  });
});
