// `npm run package`: build, then pack the extension into ai-readiness-<version>.vsix with vsce.
// The bundles carry every dependency, so no node_modules go in (`dependencies: false`);
// package.json's `files` decides what else does (npm pack reads the same list).
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const packagePath = join(root, `${manifest.name}-${manifest.version}.vsix`);

execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });

const vsce = require("@vscode/vsce");
await vsce.createVSIX({
  cwd: root,
  packagePath,
  dependencies: false,
  // `dist/*.json` holds build outputs that not every build makes yet.
  allowUnusedFilesPattern: true,
});

const bytes = statSync(packagePath).size;
console.log(`${relative(root, packagePath)}: ${(bytes / 1024).toFixed(1)} KiB, ${zipEntryCount(readFileSync(packagePath))} files`);

/** The entry count from a zip's end-of-central-directory record (the last 22+ bytes). */
function zipEntryCount(zip) {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) return zip.readUInt16LE(at + 10);
  }
  throw new Error("not a zip file: no end-of-central-directory record");
}
