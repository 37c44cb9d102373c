/**
 * Server log lines. Values that came from users are escaped so they cannot forge extra
 * log lines or terminal control sequences (OWASP log injection).
 */
export function escapeForLog(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export const log = {
  info(message: string) {
    console.log(message);
  },
  warn(message: string) {
    console.warn(message);
  },
  error(message: string, error?: unknown) {
    console.error(error === undefined ? message : `${message}: ${describeError(error)}`);
  }
};

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack || error.message || error.name;
  try {
    return escapeForLog(typeof error === 'object' ? JSON.stringify(error) : error);
  } catch {
    return escapeForLog(error);
  }
}
