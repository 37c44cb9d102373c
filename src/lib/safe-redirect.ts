/**
 * Where to send the browser when the address comes from the request (`/login?redirectTo=`,
 * a form's `returnTo`, the page asked for before signing in). One definition for every such
 * place, because each way round a check is a way to another site: browsers drop tabs and
 * newlines from a Location and read a backslash as a slash, so `/\t/evil.example` and
 * `/\evil.example` both lead to evil.example, and a raw newline or a non-Latin-1 character
 * in a header is a 500 rather than a redirect. See OWASP's Unvalidated Redirects and
 * Forwards Cheat Sheet and the WHATWG URL standard (tab/newline stripping, "\" as "/").
 *
 * Pure and total: any string goes in, a safe path or null comes out, never an exception.
 */

/**
 * The pages behind sign-in: the `(app)` route group, the only places `/login` is ever asked
 * to send someone back to (a unit test keeps this list in step with the folder).
 */
export const SIGNED_IN_AREAS = ['/programmes', '/account', '/admin'] as const;

/** Longer than any address the app makes; a bound so a crafted one cannot bloat a header. */
export const MAX_REDIRECT_LENGTH = 2048;

/** How many layers of percent-encoding are looked through (`%25252f` is three). */
const DECODE_LAYERS = 4;

const BASE = 'http://app.invalid';

export interface SafePath {
  pathname: string;
  search: string;
  hash: string;
}

/**
 * The parts of `value` if it is a path of this app inside one of `within` (e.g.
 * `/programmes/x?y=1#z`), normalised and percent-encoded as the URL parser does; else null.
 */
export function sameAppPath(
  value: string | null | undefined,
  within: readonly string[] = SIGNED_IN_AREAS
): SafePath | null {
  if (typeof value !== 'string' || value.length > MAX_REDIRECT_LENGTH) return null;
  // Printable ASCII only, no backslash: nothing a browser strips, reinterprets or cannot put
  // in a header. The app's own addresses are always percent-encoded, so they pass.
  if (!/^\/[\x21-\x5b\x5d-\x7e]*$/.test(value)) return null;
  if (!decodedLayersAreSafe(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  // Dot segments are resolved here: "/.//evil.example" becomes the path "//evil.example".
  const { pathname, search, hash } = url;
  if (url.origin !== BASE || hasEmptySegment(pathname)) return null;
  if (!within.some((area) => pathname === area || pathname.startsWith(`${area}/`))) return null;
  const path = `${pathname}${search}${hash}`;
  return path.length <= MAX_REDIRECT_LENGTH ? { pathname, search, hash } : null;
}

/** `sameAppPath` as one string, or `fallback` when the value is not a path of this app. */
export function safeRedirectPath(
  value: string | null | undefined,
  fallback = '/programmes',
  within: readonly string[] = SIGNED_IN_AREAS
): string {
  const safe = sameAppPath(value, within);
  return safe ? `${safe.pathname}${safe.search}${safe.hash}` : fallback;
}

/**
 * Something along the way (a proxy, a second redirect, a careless decoder) may decode the
 * address again, so each decoded layer must be harmless too: no control characters, no
 * backslash, no "//" in its path. Malformed percent-encoding is refused rather than guessed at.
 */
function decodedLayersAreSafe(value: string): boolean {
  let layer = value;
  for (let i = 0; i < DECODE_LAYERS; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return false;
    }
    if (decoded === layer) return true;
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    if (/[\u0000-\u001f\u007f-\u009f\\]/.test(decoded) || hasEmptySegment(decoded)) {
      return false;
    }
    layer = decoded;
  }
  // Still changing after this many layers: nobody encodes a real address like that.
  return false;
}

/** "//" (or "/ /") in the path part: in front it names another host; no page of ours has it. */
function hasEmptySegment(path: string): boolean {
  const end = path.search(/[?#]/);
  return /\/\s*\//.test(end === -1 ? path : path.slice(0, end));
}
