import { authorization } from './api.js';

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'DEAD_LETTERED']);

export function isTerminal(status) {
  return TERMINAL.has(status);
}

/**
 * Reads a text/event-stream: feed it the decoded chunks as they arrive; it calls onEvent({event, data}) for each
 * complete event. (EventSource cannot send the bearer header, so the stream is read from fetch.)
 */
export function eventStreamParser(onEvent) {
  let buffer = '';
  let event = 'message';
  let data = [];
  return (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      if (line === '') {
        if (data.length > 0) {
          onEvent({ event, data: data.join('\n') });
        }
        event = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') {
          event = value;
        } else if (field === 'data') {
          data.push(value);
        }
      }
    }
  };
}

/**
 * Follows an export until it is SUCCEEDED, FAILED or DEAD_LETTERED: from its live status stream, or, when the stream
 * cannot be opened or breaks off, by polling its status (If-None-Match, so an unchanged status costs a 304).
 * Returns a function that stops following.
 */
export function watchExport(exportId, { onUpdate, onError = () => {}, pollInterval = 1000 }) {
  const controller = new AbortController();
  let last = null;
  const deliver = (item) => {
    last = item;
    onUpdate(item);
  };
  (async () => {
    try {
      await stream(exportId, deliver, controller.signal);
    } catch {
      // a stream that fails is replaced by polling below
    }
    if (!controller.signal.aborted && !(last && isTerminal(last.status))) {
      await poll(exportId, deliver, onError, controller.signal, pollInterval);
    }
  })();
  return () => controller.abort();
}

async function stream(exportId, deliver, signal) {
  const response = await fetch(`/api/exports/${encodeURIComponent(exportId)}/events`, {
    headers: { Accept: 'text/event-stream', ...authorization() },
    signal,
  });
  if (!response.ok || !response.body || !response.headers.get('Content-Type')?.startsWith('text/event-stream')) {
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parse = eventStreamParser(({ event, data }) => {
    if (event === 'status') {
      deliver(JSON.parse(data));
    }
  });
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    parse(value);
  }
}

async function poll(exportId, deliver, onError, signal, interval) {
  let etag = null;
  while (!signal.aborted) {
    try {
      const response = await fetch(`/api/exports/${encodeURIComponent(exportId)}`, {
        headers: { Accept: 'application/json', ...authorization(), ...(etag ? { 'If-None-Match': etag } : {}) },
        signal,
      });
      if (response.status === 200) {
        etag = response.headers.get('ETag');
        const item = await response.json();
        deliver(item);
        if (isTerminal(item.status)) {
          return;
        }
      } else if (response.status !== 304) {
        onError(new Error(`The export's status could not be read (HTTP ${response.status})`));
        return;
      }
    } catch {
      if (signal.aborted) {
        return;
      }
    }
    await pause(interval, signal);
  }
}

function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
