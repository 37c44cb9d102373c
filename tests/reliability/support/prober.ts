import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Asks `/healthz` every `everyMs`, from a worker thread of its own so that nothing the test
 * itself does (building a 20 MB upload) delays a question or its timing. It does not wait
 * for the previous answer: a stalled server shows as long waits, not as fewer questions.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, everyMs, timeoutMs } = workerData;
const samples = [];
const inFlight = new Map();
let next = 0;
const probe = () => {
  const id = next++;
  const start = Date.now();
  const t0 = performance.now();
  const done = fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    .then(async (r) => { await r.arrayBuffer(); return r.status; }, (e) => e.name)
    .then((status) => { samples.push({ start, ms: performance.now() - t0, status }); inFlight.delete(id); });
  inFlight.set(id, { start, done });
};
const timer = setInterval(probe, everyMs);
parentPort.on('message', async ({ id, from, to, stop }) => {
  if (stop) clearInterval(timer);
  await Promise.all([...inFlight.values()].filter((p) => p.start <= to).map((p) => p.done));
  parentPort.postMessage({ id, samples: samples.filter((s) => s.start >= from && s.start <= to) });
});
`;

export interface ProbeSample {
  /** When the question was sent (epoch ms). */
  start: number;
  ms: number;
  /** HTTP status, or the error's name (TimeoutError). */
  status: number | string;
}

export function startProber(baseURL: string, everyMs = 100, timeoutMs = 15_000) {
  const worker = new Worker(PROBE, {
    eval: true,
    workerData: { url: new URL('/healthz', baseURL).href, everyMs, timeoutMs }
  });
  let asked = 0;
  const ask = (from: number, to: number, stop = false) =>
    new Promise<ProbeSample[]>((resolve) => {
      const id = asked++;
      const onMessage = (message: { id: number; samples: ProbeSample[] }) => {
        if (message.id !== id) return;
        worker.off('message', onMessage);
        resolve(message.samples);
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, from, to, stop });
    });
  return {
    /** Every answer to a question sent between `from` and `to`, once all have come. */
    between: (from: number, to: number) => ask(from, to),
    async stop() {
      await ask(0, Date.now(), true);
      await worker.terminate();
    }
  };
}

export function latencySummary(samples: ProbeSample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
  return { count: ms.length, p99: at(0.99), max: ms.at(-1) ?? 0 };
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
