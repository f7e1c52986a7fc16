// @modelcontextprotocol/server-slack calls the hard-coded https://slack.com/api/ with the global fetch.
// Preloaded with NODE_OPTIONS=--import=<this file>, it sends those calls to SLACK_API_BASE_URL instead (an egress
// proxy, or the local fake Slack Web API of the tests), so the real server runs unchanged; unset, it changes nothing.
const target = process.env.SLACK_API_BASE_URL;
const slackApi = 'https://slack.com/api/';

if (target) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(slackApi)) {
      return realFetch(input, init);
    }
    const redirected = target + url.slice(slackApi.length);
    return realFetch(input instanceof Request ? new Request(redirected, input) : redirected, init);
  };
}
