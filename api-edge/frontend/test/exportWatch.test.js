import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventStreamParser, watchExport } from '../src/lib/exportWatch.js';

const item = (status) => ({ export_id: 'e1', status });

function eventStream(chunks) {
  const encoder = new TextEncoder();
  return new Response(new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
      controller.close();
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const json = (body, headers = {}) => new Response(JSON.stringify(body),
  { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('eventStreamParser', () => {
  it('puts events together across chunks and skips comments', () => {
    const events = [];
    const parse = eventStreamParser((event) => events.push(event));

    parse(': keep-alive\n\nevent: sta');
    parse('tus\ndata: {"a":\ndata: 1}\r\n\r\n');
    parse('data: plain\n\n');

    expect(events).toEqual([{ event: 'status', data: '{"a":\n1}' }, { event: 'message', data: 'plain' }]);
  });
});

describe('watchExport', () => {
  it('follows the live stream with the bearer token until a terminal state', async () => {
    sessionStorage.setItem('yarnnn.token', 'tok');
    const fetch = vi.fn(async () => eventStream([
      `event: status\ndata: ${JSON.stringify(item('QUEUED'))}\n\n`,
      `event: status\ndata: ${JSON.stringify(item('RUNNING'))}\n\nevent: status\n`,
      `data: ${JSON.stringify(item('SUCCEEDED'))}\n\n`,
    ]));
    vi.stubGlobal('fetch', fetch);
    const updates = [];

    watchExport('e1', { onUpdate: (update) => updates.push(update.status) });

    await vi.waitFor(() => expect(updates).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toBe('/api/exports/e1/events');
    expect(fetch.mock.calls[0][1].headers).toMatchObject({ Accept: 'text/event-stream', Authorization: 'Bearer tok' });
  });

  it('polls with If-None-Match when the stream is not there', async () => {
    const answers = [
      new Response('{"detail":"not found"}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
      json(item('RUNNING'), { ETag: '"v1"' }),
      new Response(null, { status: 304 }),
      json(item('FAILED'), { ETag: '"v2"' }),
    ];
    const fetch = vi.fn(async () => answers.shift());
    vi.stubGlobal('fetch', fetch);
    const updates = [];

    watchExport('e1', { onUpdate: (update) => updates.push(update.status), pollInterval: 5 });

    await vi.waitFor(() => expect(updates).toEqual(['RUNNING', 'FAILED']));
    expect(fetch.mock.calls.map((call) => call[0])).toEqual(
      ['/api/exports/e1/events', '/api/exports/e1', '/api/exports/e1', '/api/exports/e1']);
    expect(fetch.mock.calls[2][1].headers['If-None-Match']).toBe('"v1"');
    expect(fetch.mock.calls[3][1].headers['If-None-Match']).toBe('"v1"');
  });

  it('falls back to polling when the stream breaks off before the end', async () => {
    const answers = [eventStream([`event: status\ndata: ${JSON.stringify(item('RUNNING'))}\n\n`]),
      json(item('SUCCEEDED'))];
    vi.stubGlobal('fetch', vi.fn(async () => answers.shift()));
    const updates = [];

    watchExport('e1', { onUpdate: (update) => updates.push(update.status), pollInterval: 5 });

    await vi.waitFor(() => expect(updates).toEqual(['RUNNING', 'SUCCEEDED']));
  });

  it('stops when asked', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 304 }));
    vi.stubGlobal('fetch', fetch);

    const stop = watchExport('e1', { onUpdate: () => {}, pollInterval: 5 });
    await vi.waitFor(() => expect(fetch.mock.calls.length).toBeGreaterThan(2));
    stop();
    const calls = fetch.mock.calls.length;

    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fetch.mock.calls.length).toBe(calls);
  });
});
