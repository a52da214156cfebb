// The thread of src/cli/failure-pool.ts: TypeScript through tsx, as bin/chokepoint.js does.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/failure-worker.ts');
