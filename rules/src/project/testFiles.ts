/**
 * Test code: not deployed, so the production rules (timeouts, limits, tracing, usage…) do not
 * apply to it. Paths are relative to the project root (the scan root or workspace folder),
 * with `/` separators, so a project that itself lives under a `test` folder is not all test.
 */
const TEST_FOLDERS = new Set(["test", "tests", "__tests__", "__mocks__", "spec", "specs", "testing", "e2e", "cypress", "playwright"]);
const TEST_FILES = /(^|[._-])(tests?|spec|smoke)([._-])|^test_.*\.py$|_tests?\.py$|^conftest\.py$/;

export function isTestPath(relativePath: string): boolean {
  const parts = relativePath.split("/");
  const file = parts.pop() ?? "";
  return parts.some((part) => TEST_FOLDERS.has(part)) || TEST_FILES.test(file);
}
