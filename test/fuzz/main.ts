/**
 * `npm run fuzz -- [--seed N] [--cases N] [--case N]`: mutated Python and TS/JS files through
 * the engine and the language server. Prints the seed first and the counts last; exits 1 on
 * any crash or budget overrun. `--case N` replays one case of a seed.
 */
import { runFuzz } from "./runner";

function option(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} takes a whole number\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<number> {
  const seed = option("seed") ?? Math.floor(Math.random() * 2 ** 31);
  const cases = option("cases") ?? 10_000;
  const only = option("case");
  console.log(`fuzz: seed ${seed}, ${only !== undefined ? `case ${only}` : `${cases} cases`} (replay: npm run fuzz -- --seed ${seed} --cases ${cases})`);
  const started = Date.now();
  const result = await runFuzz({
    seed,
    cases,
    only,
    progress: (done, r) => {
      if (done % 500 === 0) console.log(`  ${done} cases, ${r.crashes} crashes, ${r.overruns} budget overruns, ${Math.round((Date.now() - started) / 1000)} s`);
    },
  });
  for (const failure of result.failures) {
    console.log(`\ncase ${failure.index} (npm run fuzz -- --seed ${seed} --case ${failure.index}): ${failure.steps.join(" → ")}\n${failure.error}`);
  }
  console.log(`skipped on purpose: ${result.skipped} (${[...result.skipReasons].map(([k, v]) => `${v} ${k}`).join("; ") || "none"})`);
  console.log(`longest file: ${Math.round(result.longestMs)} ms; peak RSS ${Math.round(result.peakRssMb)} MB; ${Math.round((Date.now() - started) / 1000)} s in all`);
  console.log(`${result.cases} cases, ${result.crashes} crashes, ${result.overruns} budget overruns`);
  return result.crashes === 0 && result.overruns === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
