import assert from "node:assert/strict";
import { it } from "node:test";
import { isTestPath } from "./testFiles";

it("knows test files by folder and name, relative to the project", () => {
  for (const path of ["tests/test_chat.py", "app/tests/helpers.py", "src/__tests__/chat.ts", "src/chat.test.ts", "src/chat.spec.tsx", "test_chat.py", "chat_test.py", "conftest.py", "e2e/flow.ts", "compatibility-test-script.cjs", "smoke-test.ts"]) {
    assert.equal(isTestPath(path), true, path);
  }
  for (const path of ["app/chat.py", "src/contest.ts", "src/testimonials/page.tsx", "latest.py", "src/attestation.ts", "protest_data.py", "attestation_service.ts"]) {
    assert.equal(isTestPath(path), false, path);
  }
});
