/**
 * Preloaded (`node --require out/bench/processUsage.js …`) into each process the scan
 * benchmark times: at exit, writes the process's peak resident memory and CPU time to
 * $BENCH_USAGE_FILE as JSON. Worker threads share the process, so their memory and CPU count.
 */
import { readFileSync, writeFileSync } from "node:fs";

/**
 * Linux's `VmHWM`: the peak of this program's own memory. `resourceUsage().maxRSS` is not:
 * on Linux it starts from the RSS of the process that forked it (here the benchmark, with
 * its generated workspaces in memory), so every case would read at least that.
 */
function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: the next best figure
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: peakRssKb(), cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
