/**
 * `npm run soak -- [--seed N] [--edits N]`: 10,000 random edits with requests, cancellations
 * and file deletions against an in-process server. Prints the figures; exits 1 on a crash,
 * a request neither answered nor cancelled, or a heap more than 20% above its size after
 * the first 1,000 edits.
 */
import { runSoak } from "./soak";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
}

async function main(): Promise<number> {
  const seed = option("seed", Math.floor(Math.random() * 2 ** 31));
  const edits = option("edits", 10_000);
  console.log(`soak: seed ${seed}, ${edits} edits (replay: npm run soak -- --seed ${seed} --edits ${edits})`);
  const started = Date.now();
  const result = await runSoak({ seed, edits, baselineAfter: Math.min(1000, Math.floor(edits / 10)), progress: (n) => console.log(`  ${n} edits, ${Math.round((Date.now() - started) / 1000)} s`) });
  const { requests: q } = result;
  for (const failure of [...result.failures, ...result.serverErrors].slice(0, 20)) console.log(`  failure: ${failure}`);
  console.log(`requests: ${q.sent} sent, ${q.answered} answered, ${q.cancelled} cancelled, ${q.failed} failed, ${q.unanswered} unanswered`);
  console.log(`diagnostics waited for: ${result.diagnosticsWaits.answered}/${result.diagnosticsWaits.sent}; file events ${result.fileEvents}; open files deleted ${result.deletions}`);
  console.log(`heap after GC: ${result.heapBaselineMb.toFixed(1)} MB after the first ${Math.min(1000, Math.floor(edits / 10))} edits, ${result.heapEndMb.toFixed(1)} MB at the end (${((result.heapRatio - 1) * 100).toFixed(1)}%); without compiled code ${result.dataBaselineMb.toFixed(1)} → ${result.dataEndMb.toFixed(1)} MB; RSS ${Math.round(result.rssEndMb)} MB`);
  const ok = result.failures.length === 0 && result.serverErrors.length === 0 && q.failed === 0 && q.unanswered === 0 && result.heapRatio <= 1.2;
  console.log(`${result.edits} edits, ${result.serverErrors.length + result.failures.length} crashes, heap ${ok ? "within" : "check"} 20%: ${ok ? "ok" : "FAILED"} (${Math.round((Date.now() - started) / 1000)} s)`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
