import { parse } from 'node-html-parser';
import type { Browser } from './http';
import { readForms, type FormSnapshot } from './forms';

export interface CrawledForm extends FormSnapshot {
  /** The page the form was found on; the form posts here when its action is empty. */
  page: string;
  /** The URL the form posts to. */
  target: string;
}

/** Paths whose forms would end the crawler's own session. */
const SKIP = [/^\/logout/, /\/account\/sessions/, /sign-?out/];

const shape = (path: string) =>
  path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id');

/**
 * Follows the links a signed-in person can follow from `starts`, within `scope`, and collects
 * every POST form. Two pages per route shape are enough: the forms repeat after that.
 */
export async function crawlForms(
  browser: Browser,
  starts: string[],
  scope: RegExp,
  maxPages = 200
): Promise<{ pages: string[]; forms: CrawledForm[] }> {
  const queue = [...starts];
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const forms: CrawledForm[] = [];
  const pages: string[] = [];
  const formKeys = new Set<string>();
  while (queue.length && pages.length < maxPages) {
    const path = queue.shift()!;
    if (seen.has(path) || SKIP.some((s) => s.test(path))) continue;
    seen.add(path);
    const count = perShape.get(shape(path)) ?? 0;
    if (count >= 2) continue;
    perShape.set(shape(path), count + 1);
    const response = await browser.get(path);
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('text/html')) {
      await response.body?.cancel();
      continue;
    }
    const html = await response.text();
    pages.push(path);
    for (const form of readForms(html)) {
      if (form.method !== 'post') continue;
      const target = new URL(form.action || path, 'http://x' + path);
      if (SKIP.some((s) => s.test(target.pathname))) continue;
      // The same form on another record of the same kind adds nothing: keep one of each.
      const key = `${shape(target.pathname)}${target.search} ${form.fields.map(([n]) => n).join(',')}`;
      if (formKeys.has(key)) continue;
      formKeys.add(key);
      forms.push({ ...form, page: path, target: target.pathname + target.search });
    }
    for (const link of parse(html).querySelectorAll('a[href]')) {
      const href = link.getAttribute('href')!;
      if (!href.startsWith('/')) continue;
      const url = new URL(href, 'http://x');
      const next = url.pathname + url.search;
      if (scope.test(url.pathname) && !seen.has(next)) queue.push(next);
    }
  }
  return { pages, forms };
}
