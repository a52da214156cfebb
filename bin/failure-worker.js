// The thread of src/cli/failure-pool.ts: compiled or through tsx, as bin/chokepoint.js runs (bin/built.js).
import { importCli } from './built.js';

await importCli('failure-worker');
