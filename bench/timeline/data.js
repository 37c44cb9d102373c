// Shared by the comparison pages: the roadmap the product drew (bench/timeline.js takes it from
// the roadmap page's own load data), fetched as JSON like a client-rendered page would.
// ?size=<key> picks the programme.

/** The roadmap of this page's size: { lanes, items, dependencies, from, to }. */
export async function loadRoadmap() {
  const size = new URLSearchParams(location.search).get('size');
  const response = await fetch(`/data/${encodeURIComponent(size)}.json`);
  if (!response.ok) throw new Error(`No data for size ${size}`);
  return response.json();
}

export const PHASE_COLOURS = {
  discovery: '#505a5f',
  alpha: '#1d70b8',
  beta: '#4c2c92',
  live: '#00703c'
};

const day = (iso) => Date.parse(`${iso}T00:00:00Z`);

/**
 * Where an item's phase segments and contract end markers fall along its bar, as fractions
 * of the bar's length (markers may fall outside it: below 0 or above 1).
 */
export function barParts(item) {
  const start = day(item.startDate);
  const span = Math.max(1, day(item.endDate) - start);
  const at = (iso) => (day(iso) - start) / span;
  const bounds = [item.startDate, item.alphaStart, item.betaStart, item.liveStart, item.endDate];
  const phases = ['discovery', 'alpha', 'beta', 'live'].map((phase, i) => ({
    phase,
    from: at(bounds[i]),
    to: at(bounds[i + 1])
  }));
  return { phases, markers: item.contractEnds.map((c) => ({ at: at(c.date), c })) };
}
