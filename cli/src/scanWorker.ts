/** A scan worker thread: one lane of the scan pool (`scanService.ts`). */
import { parentPort, workerData } from "node:worker_threads";
import { serveScans } from "./scanService";
import type { WorkerData } from "./scanProtocol";

const { wasm, cache } = workerData as WorkerData;
serveScans(parentPort!, (file: string) => wasm[file] ?? file, cache);
