/** A timestamp as the reader's local date and time, e.g. "25 Nov 2026, 14:05:09". */
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
}

/** A file name from a title: "Weekly report (Q4)" → "weekly-report-q4". */
export function slug(title) {
  const name = title.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_-]+/g, '-');
  return name || 'deliverable';
}

/** Only links a person can follow safely: web pages, and the folder provider's file:// path. */
export function safeLink(url) {
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}
