/** Problems in config files, on stderr as `path:line:col: severity: message`. */
import { LineIndex } from "../../rules/src/index";
import type { CheckResult } from "./check";

export function renderConfigProblems(problems: CheckResult["configProblems"]): string {
  return problems
    .map(({ path, problem, text }) => {
      const { line, column } = new LineIndex(text).reportPosition(problem.span.start);
      return `${path}:${line}:${column}: ${problem.severity}: ${problem.message}\n`;
    })
    .join("");
}
