/**
 * The page's deliverable: a sample markdown report (the product's own deliverables live in its own frontend). Its id
 * comes from the URL (/deliverables/<id>); the browser remembers each user's last one and a version id per
 * deliverable in localStorage, so reloading keeps the history and the preferences.
 */
export const SAMPLE_TITLE = 'Weekly revenue report';

export const SAMPLE_MARKDOWN = `## Highlights

- Revenue **up 12%** week over week, led by the *Team* plan
- Churn down to 1.8% (from 2.3%)
- Two enterprise pilots signed: Acme and Globex

## Numbers

| Metric | This week | Last week |
|---|---:|---:|
| New trials | 412 | 365 |
| Paid conversions | 58 | 49 |
| Net revenue | $48,200 | $43,000 |

## Next steps

1. Follow up with the Globex pilot team on SSO
2. Ship the onboarding checklist to all trial accounts
3. Review pricing page experiment results on Friday

> Numbers are from the billing export of Monday 09:00 UTC.
`;

const IDS = 'yarnnn.sample-deliverables';

function stored() {
  try {
    return JSON.parse(localStorage.getItem(IDS)) ?? {};
  } catch {
    return {};
  }
}

/** The deliverable to open when none is named: the one this user opened last in this browser, else a new one. */
export function defaultDeliverableId(userId) {
  return stored().last?.[userId] ?? crypto.randomUUID();
}

/** The approved version this browser exports of the deliverable (one per deliverable), remembered as the user's last. */
export function versionIdOf(deliverableId, userId) {
  const { last = {}, versions = {} } = stored();
  versions[deliverableId] ??= crypto.randomUUID();
  localStorage.setItem(IDS, JSON.stringify({ last: { ...last, [userId]: deliverableId }, versions }));
  return versions[deliverableId];
}
