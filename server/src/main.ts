/** The language server over stdio or IPC (`ai-readiness-lsp --stdio`, or started by the extension). */
import { join } from "node:path";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server";

startServer(createConnection(ProposedFeatures.all), {
  locateWasm: (file) => join(__dirname, file),
  docsPath: (ruleId) => join(__dirname, "docs", `${ruleId}.md`),
});
