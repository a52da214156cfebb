// Preloaded (node --import) into a process the benchmark times: at exit, writes the process's CPU time (every
// thread's, user and system) and peak resident memory to the file named by CHOKEPOINT_BENCH_RUSAGE.
import { writeFileSync } from 'node:fs';

const out = process.env.CHOKEPOINT_BENCH_RUSAGE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, peakMB: u.maxRSS / 1024 }));
  });
}
