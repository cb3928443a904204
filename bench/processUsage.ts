/**
 * Preloaded (`node --require out/bench/processUsage.js …`) into each process the scan
 * benchmark times: at exit, writes the process's peak resident memory and CPU time to
 * $BENCH_USAGE_FILE as JSON. Worker threads share the process, so their memory and CPU count.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
