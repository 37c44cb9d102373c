import { Worker } from 'node:worker_threads';
import workerUrl from 'virtual:vesting-day/parse-worker';
import { PARSE_HEAP_MB, PARSE_TIME_LIMIT_MS, refusals } from '../import/limits';
import { log } from '../log';
import { PARSE_WORKER_MARK, type ParseJob, type ParseResult } from './parse-worker';

/**
 * Runs one parse job in its own worker thread, with a heap limit and a time limit: a file
 * that makes the reader run out of either is stopped there (the thread is terminated) and
 * the person gets a message, while the server goes on answering everyone else. Two jobs run
 * at once at most (one per core of a small server); more wait their turn.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

type Failure = { ok: false; message: string; details?: string[] };

/** The job with bytes that own their whole buffer (a copy when they are a view of more). */
function movable<J extends ParseJob>(job: J): J {
  const { bytes } = job;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? job : { ...job, bytes: bytes.slice() };
}

export async function runParseJob<J extends ParseJob>(
  job: J,
  limits: { timeMs?: number; heapMb?: number } = {}
): Promise<ParseResult<J> | Failure> {
  const release = await turn();
  const timeMs = limits.timeMs ?? PARSE_TIME_LIMIT_MS;
  try {
    return await new Promise((resolve) => {
      // The file's bytes move to the worker rather than being copied (20 MB take a while to
      // clone on this thread): the caller must not use them afterwards.
      const sent = movable(job);
      const worker = new Worker(new URL(workerUrl), {
        workerData: { mark: PARSE_WORKER_MARK, job: sent },
        transferList: [sent.bytes.buffer as ArrayBuffer],
        resourceLimits: {
          maxOldGenerationSizeMb: limits.heapMb ?? PARSE_HEAP_MB,
          maxYoungGenerationSizeMb: 32
        },
        stdout: false,
        stderr: false
      });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        void worker.terminate();
      };
      const timer = setTimeout(() => {
        log.warn('A file took too long to read; its worker was stopped', { ms: timeMs });
        settle(() => resolve({ ok: false, message: refusals.tooSlow(Math.round(timeMs / 1000)) }));
      }, timeMs);
      // A reader's own failure is a bug, not the person's: logged in full, and the person is
      // told the file could not be read rather than shown an error page.
      const failed = (error: unknown) =>
        settle(() => {
          log.error('The parse worker failed', error);
          resolve({ ok: false, message: refusals.unreadable() });
        });
      worker.on('message', (message: { result?: ParseResult<J>; error?: string }) => {
        if (message.result) settle(() => resolve(message.result!));
        else failed(new Error(message.error));
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          log.warn('A file needed more memory than allowed; its worker was stopped');
          settle(() => resolve({ ok: false, message: refusals.tooMuchMemory() }));
        } else failed(error);
      });
      worker.on('exit', (code) =>
        failed(new Error(`The parse worker stopped (exit code ${code})`))
      );
    });
  } finally {
    release();
  }
}
