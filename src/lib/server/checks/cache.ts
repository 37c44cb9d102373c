import { revisionCache } from '../revision-cache';
import { evaluateProgramme } from './readiness';

/**
 * The checks as of a day, computed once per programme revision (see `revision-cache.ts`):
 * the overview, readiness, check and export pages all need them, and loading a large
 * programme's snapshot and running the engine takes hundreds of milliseconds.
 */
export const cachedReadiness = revisionCache(evaluateProgramme);
