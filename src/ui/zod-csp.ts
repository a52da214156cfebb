/**
 * Imported first by the page: zod 4 probes `new Function` (its JIT fast path)
 * when it builds its first object schema; the page's CSP forbids eval, so the
 * probe is refused and reported as a CSP violation. Jitless zod never probes.
 * The worker (no such CSP) keeps the fast path.
 */
import { z } from 'zod';

z.config({ jitless: true });
