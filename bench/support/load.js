// Load tests with autocannon: requests/s and p95 latency for one page, 10 clients.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats.js';

/**
 * Sends `amount` requests to `url` from `connections` clients and waits for every answer. A
 * fixed number of requests rather than a fixed time: a slow page's requests would otherwise
 * still be running when the time is up and never be counted. requests/s is answers over the
 * elapsed time; p95 comes from every response's own time (autocannon's summary stops at p90
 * and p97.5). Any non-2xx answer fails the benchmark: a fast error page would flatter it.
 */
export async function measure(url, { cookie, amount, connections = 10 } = {}) {
  const times = [];
  const started = performance.now();
  const instance = autocannon({
    url,
    connections,
    amount,
    timeout: 120,
    headers: cookie ? { cookie, accept: 'text/html' } : { accept: 'text/html' }
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`
    );
  }
  return {
    requestsPerSecond: times.length / seconds,
    p95Ms: Math.round(percentile(times, 95)),
    requests: times.length
  };
}
