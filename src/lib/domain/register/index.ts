/**
 * The register of English councils, past and present, and the reorganisations it records.
 *
 * Data: councils.json, built by `node scripts/build-register.js` from mySociety's "UK Local
 * Authority Names and Codes" (July 2025, CC-BY-4.0; see ATTRIBUTION.md). Pure: no I/O.
 */
import { addDays, compareIsoDates, type IsoDate } from '../dates';
import data from './councils.json';

export type CouncilKind = 'county' | 'district' | 'unitary' | 'metropolitan' | 'london_borough';

export interface Council {
  /** mySociety's three- or four-letter local-authority-code, e.g. 'SMT'. Stable across renames. */
  code: string;
  /** Official name, e.g. 'Somerset Council'. */
  name: string;
  /** Shorter name, e.g. 'Somerset'. Not unique: the old county and the new unitary can share it. */
  shortName: string;
  /** ONS GSS code (E06…, E07…, E08…, E09…, E10…); null if the source has none. */
  gss: string | null;
  kind: CouncilKind;
  /** When the council came into being; null for most councils that predate the source. */
  start: IsoDate | null;
  /**
   * When it was abolished; null while it exists. The source is not consistent: for 2019 and
   * 2020 this is the day before vesting day, for 2021 and 2023 vesting day itself.
   */
  end: IsoDate | null;
  /** Successor codes if abolished; two or more when the council's area was split. */
  replacedBy: string[];
  /** For a district, the county council over it. */
  county: string | null;
  region: string | null;
}

export interface CountyWithDistricts {
  county: Council;
  districts: Council[];
}

export interface ReorganisationLink {
  predecessor: string;
  successor: string;
  /**
   * True when the link is not in the source but follows from it: a county abolished on vesting
   * day passes to every successor of its districts (Dorset County Council → BCP, via
   * Christchurch). Links from the source's replaced-by column have inferred: false.
   */
  inferred: boolean;
}

/**
 * Councils abolished on one vesting day and the councils created that day to replace them.
 *
 * A split shows as one predecessor in several links: Northamptonshire County Council has a link
 * to North Northamptonshire and one to West Northamptonshire. A merger shows as several links to
 * one successor. A council created in an earlier reorganisation and abolished in a later one is
 * a successor in the first and a predecessor in the second (Somerset West and Taunton: 2019,
 * then 2023), never part of both at once.
 */
export interface Reorganisation {
  /** Slug of the name: 'somerset-2023'. */
  id: string;
  /** The abolished county's name (else the successors' names) and the year: 'Somerset 2023'. */
  name: string;
  vestingDate: IsoDate;
  /** By short name. */
  successors: Council[];
  /** Counties first, then by short name. */
  predecessors: Council[];
  /** In the order of predecessors, then successors. */
  links: ReorganisationLink[];
}

/** The window pastReorganisations() looks at: vesting days from 2019 to 2023 inclusive. */
export const PAST_REORGANISATIONS_FROM: IsoDate = '2019-01-01';
export const PAST_REORGANISATIONS_TO: IsoDate = '2023-12-31';

const councils: readonly Council[] = (data.councils as Council[]).map((c) => Object.freeze(c));
const byCode = new Map(councils.map((c) => [c.code, c]));

/** By short name (official names sort oddly: 'Borough of Poole'), then code. */
const byName = (a: Council, b: Council) =>
  a.shortName.localeCompare(b.shortName, 'en-GB') || a.code.localeCompare(b.code);
const currentFirst = (a: Council, b: Council) => Number(a.end !== null) - Number(b.end !== null);

/** Every council in the register, current and abolished, by code. */
export function allCouncils(): readonly Council[] {
  return councils;
}

export function isCurrent(council: Council): boolean {
  return council.end === null;
}

/** Councils that exist today (no end date), by short name. */
export function currentCouncils(): Council[] {
  return councils.filter(isCurrent).sort(byName);
}

export function councilByCode(code: string): Council | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/**
 * One council by code ('SMT'), GSS code ('E06000066'), official name ('Somerset Council') or
 * short name ('Somerset'), ignoring case and surrounding space, in that order of precedence.
 * Where a name fits a current and an abolished council, the current one wins.
 */
export function findCouncil(codeOrGssOrName: string): Council | undefined {
  const q = codeOrGssOrName.trim().toLowerCase();
  if (q === '') return undefined;
  const fields: ((c: Council) => string | null)[] = [
    (c) => c.code,
    (c) => c.gss,
    (c) => c.name,
    (c) => c.shortName
  ];
  for (const field of fields) {
    const hits = councils.filter((c) => field(c)?.toLowerCase() === q);
    if (hits.length > 0) return hits.sort(currentFirst)[0];
  }
  return undefined;
}

function searchRank(council: Council, q: string): number | undefined {
  const name = council.name.toLowerCase();
  const short = council.shortName.toLowerCase();
  const ids = [council.code.toLowerCase(), council.gss?.toLowerCase() ?? ''];
  if (ids.includes(q) || name === q || short === q) return 0;
  if (short.startsWith(q) || name.startsWith(q) || ids.some((id) => id.startsWith(q))) return 1;
  const words = `${short} ${name}`.split(/[\s,()-]+/);
  if (words.some((w) => w.startsWith(q))) return 2;
  if (short.includes(q) || name.includes(q)) return 3;
  return undefined;
}

/**
 * Councils whose code, GSS code or names match `query`, best first: exact matches, then
 * prefixes, word prefixes and substrings; current councils before abolished ones at each rank.
 */
export function searchCouncils(
  query: string,
  limit = 10,
  options: { currentOnly?: boolean } = {}
): Council[] {
  const q = query.trim().toLowerCase();
  if (q === '' || limit <= 0) return [];
  return councils
    .filter((c) => !options.currentOnly || isCurrent(c))
    .map((council) => ({ council, rank: searchRank(council, q) }))
    .filter((hit): hit is { council: Council; rank: number } => hit.rank !== undefined)
    .sort(
      (a, b) =>
        a.rank - b.rank || currentFirst(a.council, b.council) || byName(a.council, b.council)
    )
    .slice(0, limit)
    .map((hit) => hit.council);
}

/**
 * A current county council and its current districts: the predecessors of a new programme
 * that would replace two-tier local government in that county. Undefined unless `countyCode`
 * (or a GSS code or name, as for findCouncil) is a current county council.
 */
export function countyWithDistricts(countyCode: string): CountyWithDistricts | undefined {
  const county = councilByCode(countyCode) ?? findCouncil(countyCode);
  if (!county || county.kind !== 'county' || !isCurrent(county)) return undefined;
  const districts = councils
    .filter((c) => c.county === county.code && c.kind === 'district' && isCurrent(c))
    .sort(byName);
  return { county, districts };
}

interface DatedLink extends ReorganisationLink {
  vestingDate: IsoDate;
}

/** Was `council` in existence the day before `vestingDate` and abolished by vesting day? */
function abolishedOn(council: Council, vestingDate: IsoDate): boolean {
  const dayBefore = addDays(vestingDate, -1);
  const existed = council.start === null || council.start <= dayBefore;
  return existed && (council.end === dayBefore || council.end === vestingDate);
}

/** Every predecessor → successor link in the register, dated by the successor's start. */
function allLinks(): DatedLink[] {
  const links: DatedLink[] = [];
  const has = (p: string, s: string, v: IsoDate) =>
    links.some((l) => l.predecessor === p && l.successor === s && l.vestingDate === v);
  for (const p of councils) {
    for (const code of p.replacedBy) {
      const vestingDate = byCode.get(code)?.start;
      if (!vestingDate || !abolishedOn(p, vestingDate)) continue;
      links.push({ predecessor: p.code, successor: code, inferred: false, vestingDate });
    }
  }
  // A county abolished on vesting day also passes to the successors of its districts.
  for (const link of [...links]) {
    const district = byCode.get(link.predecessor);
    const county = district?.county ? byCode.get(district.county) : undefined;
    if (!county || !abolishedOn(county, link.vestingDate)) continue;
    if (!links.some((l) => l.predecessor === county.code && l.vestingDate === link.vestingDate))
      continue;
    if (has(county.code, link.successor, link.vestingDate)) continue;
    links.push({ ...link, predecessor: county.code, inferred: true });
  }
  return links;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function nameFor(predecessors: Council[], successors: Council[], vestingDate: IsoDate): string {
  const counties = predecessors.filter((c) => c.kind === 'county');
  const names = (counties.length > 0 ? counties : successors).map((c) =>
    c.shortName.replace(/ County$/, '')
  );
  return `${names.join(' and ')} ${vestingDate.slice(0, 4)}`;
}

/** Links on one vesting day, grouped into connected components. */
function components(links: DatedLink[]): DatedLink[][] {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const r = root(p);
    parent.set(x, r);
    return r;
  };
  for (const l of links) parent.set(root(l.predecessor), root(l.successor));
  const groups = new Map<string, DatedLink[]>();
  for (const l of links) {
    const key = root(l.successor);
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()];
}

function toReorganisation(links: DatedLink[]): Reorganisation {
  const vestingDate = links[0]!.vestingDate;
  const lookup = (codes: string[]) => [...new Set(codes)].map((code) => byCode.get(code)!);
  const successors = lookup(links.map((l) => l.successor)).sort(byName);
  const predecessors = lookup(links.map((l) => l.predecessor)).sort(
    (a, b) => Number(b.kind === 'county') - Number(a.kind === 'county') || byName(a, b)
  );
  const order = (code: string, list: Council[]) => list.findIndex((c) => c.code === code);
  const sorted = [...links].sort(
    (a, b) =>
      order(a.predecessor, predecessors) - order(b.predecessor, predecessors) ||
      order(a.successor, successors) - order(b.successor, successors)
  );
  const name = nameFor(predecessors, successors, vestingDate);
  return {
    id: slugify(name),
    name,
    vestingDate,
    successors,
    predecessors,
    links: sorted.map(({ predecessor, successor, inferred }) => ({
      predecessor,
      successor,
      inferred
    }))
  };
}

/** Every reorganisation in the register with a vesting day in [from, to], oldest first. */
export function reorganisationsBetween(from: IsoDate, to: IsoDate): Reorganisation[] {
  const byDate = new Map<IsoDate, DatedLink[]>();
  for (const l of allLinks()) {
    if (compareIsoDates(l.vestingDate, from) < 0 || compareIsoDates(l.vestingDate, to) > 0)
      continue;
    byDate.set(l.vestingDate, [...(byDate.get(l.vestingDate) ?? []), l]);
  }
  const found = [...byDate.values()]
    .flatMap(components)
    .map(toReorganisation)
    .sort((a, b) => compareIsoDates(a.vestingDate, b.vestingDate) || a.name.localeCompare(b.name));
  // Names are unique in the data; should two ever clash, the later id gets a suffix.
  const seen = new Map<string, number>();
  for (const r of found) {
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    if (n > 1) r.id = `${r.id}-${n}`;
  }
  return found;
}

/** The reorganisations of 2019–2023: the recent precedents for a new programme. */
export function pastReorganisations(): Reorganisation[] {
  return reorganisationsBetween(PAST_REORGANISATIONS_FROM, PAST_REORGANISATIONS_TO);
}

export function reorganisationById(id: string): Reorganisation | undefined {
  return pastReorganisations().find((r) => r.id === id);
}
