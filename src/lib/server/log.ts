/**
 * Server logs: one JSON object per line (time, level, msg and fields such as requestId), so a
 * log shipper can index them without parsing prose. Values that came from users end up inside
 * JSON strings, where control characters are escaped, so they cannot forge extra lines
 * (OWASP log injection). LOG_FORMAT=text prints the same records as plain lines for a terminal.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface LogRecord extends LogFields {
  time: string;
  level: LogLevel;
  msg: string;
}

type Sink = (line: string, level: LogLevel) => void;

const defaultSink: Sink = (line, level) => {
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};

let sink: Sink = defaultSink;

/** For tests: capture log lines instead of printing them. Returns a function that restores. */
export function captureLogs(capture: Sink): () => void {
  sink = capture;
  return () => {
    sink = defaultSink;
  };
}

export function escapeForLog(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function formatLogRecord(record: LogRecord, format: string | undefined): string {
  if (format === 'text') {
    const { time, level, msg, ...fields } = record;
    const extras = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${escapeForLog(value)}`);
    return [time, level.toUpperCase(), escapeForLog(msg), ...extras].join(' ');
  }
  // U+2028 and U+2029 survive JSON.stringify but split lines in some viewers.
  return JSON.stringify(record).replace(/[\u2028\u2029]/g, (c) =>
    c === '\u2028' ? '\\u2028' : '\\u2029'
  );
}

const RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };

/** LOG_LEVEL=warn (or error) leaves out the records below it, such as one line per request. */
function enabled(level: LogLevel): boolean {
  const floor = process.env.LOG_LEVEL as LogLevel | undefined;
  return RANK[level] >= (floor && floor in RANK ? RANK[floor] : 0);
}

function write(level: LogLevel, msg: string, fields: LogFields = {}) {
  if (!enabled(level)) return;
  const record: LogRecord = { time: new Date().toISOString(), level, msg, ...fields };
  sink(formatLogRecord(record, process.env.LOG_FORMAT), level);
}

export const log = {
  info(msg: string, fields?: LogFields) {
    write('info', msg, fields);
  },
  warn(msg: string, fields?: LogFields) {
    write('warn', msg, fields);
  },
  error(msg: string, error?: unknown, fields?: LogFields) {
    write('error', msg, error === undefined ? fields : { ...fields, error: describeError(error) });
  }
};

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack || error.message || error.name;
  try {
    return typeof error === 'object' ? JSON.stringify(error) : String(error);
  } catch {
    return String(error);
  }
}
