import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExportStatus } from '../src/components/ExportStatus.jsx';

const item = (change) => ({
  export_id: '7f1c2b4e-0000-4000-8000-000000000001', provider_id: 'slack', status: 'QUEUED', attempt: 1, error: null,
  external_url: null, next_attempt_at: null, ...change,
});

describe('ExportStatus', () => {
  it('shows nothing before an export', () => {
    const { container } = render(<ExportStatus item={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('announces progress while the export is queued and running', () => {
    const { rerender } = render(<ExportStatus item={item({ status: 'QUEUED' })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Queued…');

    rerender(<ExportStatus item={item({ status: 'RUNNING', attempt: 2 })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Delivering (attempt 2)…');
  });

  it('says when a retry comes and why the attempt failed', () => {
    render(<ExportStatus item={item({
      status: 'RETRYING', attempt: 1, next_attempt_at: '2026-11-25T10:15:40Z',
      error: { code: 'connector_unavailable', message: 'Slack did not answer' },
    })} />);

    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(/Retrying at .+…/);
    expect(status).toHaveTextContent('Attempt 1 failed: Slack did not answer');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('links to the delivered item', () => {
    render(<ExportStatus item={item({ status: 'SUCCEEDED', external_url: 'https://acme.slack.com/archives/C1/p1' })} />);

    const link = screen.getByRole('link', { name: /Open in Slack/ });
    expect(link).toHaveAttribute('href', 'https://acme.slack.com/archives/C1/p1');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('status')).toHaveTextContent('Delivered');
  });

  it('shows the path of a file the folder provider wrote', () => {
    render(<ExportStatus item={item({
      provider_id: 'folder', status: 'SUCCEEDED', external_url: 'file:///srv/exports/reports/weekly%20report.md',
    })} />);

    expect(screen.getByRole('link', { name: /Open the file/ })).toHaveAttribute('href', 'file:///srv/exports/reports/weekly%20report.md');
    expect(screen.getByText('/srv/exports/reports/weekly report.md')).toBeInTheDocument();
  });

  it('never links to a script url', () => {
    render(<ExportStatus item={item({ status: 'SUCCEEDED', external_url: 'javascript:alert(1)' })} />);

    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Delivered');
  });

  it('gives the reason of a failure and retries it on request', async () => {
    const failed = item({ status: 'FAILED', error: { code: 'channel_not_found', message: 'Slack has no such channel' } });
    const onRetry = vi.fn();
    render(<ExportStatus item={failed} onRetry={onRetry} />);

    expect(screen.getByRole('status')).toHaveTextContent('Failed: Slack has no such channel');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith(failed);
  });

  it('tells a dead-lettered export apart and disables Retry while one is under way', () => {
    render(<ExportStatus item={item({ status: 'DEAD_LETTERED', attempt: 4, error: { code: 'timeout', message: 'Timed out' } })}
      onRetry={() => {}} retrying />);

    expect(screen.getByRole('status')).toHaveTextContent('Failed after every retry: Timed out');
    expect(screen.getByRole('button', { name: 'Retrying…' })).toBeDisabled();
  });
});
