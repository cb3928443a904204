/**
 * What the engine spends on one file at most. A file over the budget is skipped with a
 * reason the user sees (`FileSkipped`), never a crash or a hang:
 * - size and nesting are checked on the text before parsing (very deep Python
 *   indentation can crash the parser's WebAssembly, and a crash there corrupts it for
 *   every later file);
 * - tree depth is checked after parsing (walking up a very deep tree costs depth² per step
 *   in web-tree-sitter and can overflow its stack);
 * - time is checked while parsing (the parser's progress callback) and at checkpoints of
 *   the extraction and the rules (`checkBudget`).
 * A step that runs on past its deadline without reaching a checkpoint is an overrun: the
 * engine counts those (`budgetStats`), and the fuzz tests require none.
 */

export const LIMITS = {
  /** Characters: a generated bundle is not AI code. */
  maxChars: 2_000_000,
  /** Open brackets at once, counted on the raw text. */
  maxNesting: 256,
  /** Python indentation levels at once. */
  maxIndentLevels: 100,
  /** Syntax tree depth (long `else if`, `a + b + …` or ternary chains nest without brackets). */
  maxTreeDepth: 1000,
  /** Milliseconds for one file: one parse and lint, or one whole fix loop. */
  timeMs: 5000,
};

/** How far past its deadline a file may run before it counts as an overrun. */
const OVERRUN_GRACE_MS = 1000;
/** Checkpoints between two looks at the clock. */
const CHECK_EVERY = 256;

/** Thrown when a file is over the budget; the hosts report `reason` as why it was skipped. */
export class FileSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "FileSkipped";
  }
}

export interface BudgetStats {
  /** Files (or fix loops) the budget stopped. */
  skipped: number;
  /** Budgeted runs that ended past their deadline plus the grace: a missing checkpoint. */
  overruns: number;
  /** The longest budgeted run, in milliseconds. */
  longestMs: number;
}

const stats: BudgetStats = { skipped: 0, overruns: 0, longestMs: 0 };
let deadline: number | null = null;
let countdown = CHECK_EVERY;

export function budgetStats(): BudgetStats {
  return { ...stats };
}

export function resetBudgetStats(): void {
  Object.assign(stats, { skipped: 0, overruns: 0, longestMs: 0 });
}

/**
 * Runs `run` under a time budget. Nested calls share the outermost deadline, so a fix loop
 * (which lints several times) is one budget, not one per pass.
 */
export function withBudget<T>(run: () => T, ms = LIMITS.timeMs): T {
  if (deadline !== null) return run();
  const started = performance.now();
  deadline = started + ms;
  countdown = CHECK_EVERY;
  try {
    return run();
  } catch (error) {
    if (error instanceof FileSkipped) stats.skipped++;
    throw error;
  } finally {
    deadline = null;
    const elapsed = performance.now() - started;
    stats.longestMs = Math.max(stats.longestMs, elapsed);
    if (elapsed > ms + OVERRUN_GRACE_MS) stats.overruns++;
  }
}

/** True once the running budget's deadline has passed. */
export function budgetExpired(): boolean {
  return deadline !== null && performance.now() > deadline;
}

/** A checkpoint: cheap (the clock is read every few hundred calls); throws past the deadline. */
export function checkBudget(): void {
  if (deadline === null || --countdown > 0) return;
  countdown = CHECK_EVERY;
  if (performance.now() > deadline) throw new FileSkipped(`took longer than ${LIMITS.timeMs / 1000} s to check`);
}

/** What the text checks count: the most brackets, and Python indentation levels, open at once. */
export interface TextMeasure {
  brackets: number;
  indents: number;
}

/** Why `text` is over the budget before parsing, or null when it is not. */
export function textOverBudget(text: string, python: boolean): string | null {
  try {
    checkText(text, python);
    return null;
  } catch (error) {
    if (error instanceof FileSkipped) return error.reason;
    throw error;
  }
}

/** Measures `text` for the checks before parsing; throws `FileSkipped` when it is over the budget. */
export function checkText(text: string, python: boolean): TextMeasure {
  if (text.length > LIMITS.maxChars) throw new FileSkipped(`too large (${text.length} characters, the limit is ${LIMITS.maxChars})`);
  const brackets = deepestBrackets(text);
  if (brackets > LIMITS.maxNesting) throw new FileSkipped(`nested too deeply (${brackets} open brackets, the limit is ${LIMITS.maxNesting})`);
  const indents = python ? indentLevels(text) : 0;
  if (indents > LIMITS.maxIndentLevels) throw new FileSkipped(`indented too deeply (${indents} levels, the limit is ${LIMITS.maxIndentLevels})`);
  return { brackets, indents };
}

/** 1 for `(`, `[`, `{`; -1 for `)`, `]`, `}`; 0 for anything else. */
function bracketAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 40 || c === 91 || c === 123) return 1;
  return c === 41 || c === 93 || c === 125 ? -1 : 0;
}

function deepestBrackets(text: string): number {
  let open = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const bracket = bracketAt(text, i);
    if (bracket > 0) {
      if (++open > deepest) deepest = open;
    } else if (bracket < 0 && open > 0) open--;
  }
  return deepest;
}

/** How many brackets `text` holds: each one added or removed moves the deepest nesting by one at most. */
export function bracketCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (bracketAt(text, i) !== 0) count++;
  return count;
}

/** The most indentation levels open at once, the way Python's tokenizer stacks them (blank lines ignored). */
function indentLevels(text: string): number {
  const stack: number[] = [0];
  let deepest = 0;
  let i = 0;
  while (i < text.length) {
    let width = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) width++;
      else if (c === 9) width += 8 - (width % 8);
      else break;
    }
    const c = text.charCodeAt(i);
    // A lone CR ends a line too.
    if (i < text.length && c !== 10 && c !== 13) {
      while (width < stack[stack.length - 1]) stack.pop();
      if (width > stack[stack.length - 1]) stack.push(width);
      if (stack.length - 1 > deepest) deepest = stack.length - 1;
    }
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    i++;
  }
  return deepest;
}

/** The part of a tree cursor the depth check needs (web-tree-sitter's `TreeCursor`). */
interface Cursor {
  readonly startIndex: number;
  readonly endIndex: number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  delete(): void;
}

/**
 * How many tree levels one character of text can hold at most. Every level but a short
 * chain of same-span wrappers (`expression_statement` > `call`) is at least one character
 * narrower than its parent, so a node of n characters holds at most about this many × n.
 */
const LEVELS_PER_CHARACTER = 8;

/**
 * Why the tree is too deep, or null. Walks with a cursor (no recursion, no parent lookups)
 * and steps over every node too short to reach the limit: on an ordinary file it visits
 * only the long nodes (functions, classes, blocks), a small share of the tree.
 */
export function treeOverBudget(cursor: Cursor): string | null {
  try {
    let depth = 0;
    for (;;) {
      const couldReachLimit = (cursor.endIndex - cursor.startIndex + 1) * LEVELS_PER_CHARACTER > LIMITS.maxTreeDepth - depth;
      if (couldReachLimit && cursor.gotoFirstChild()) {
        if (++depth > LIMITS.maxTreeDepth) return `nested too deeply (a syntax tree deeper than ${LIMITS.maxTreeDepth})`;
        continue;
      }
      checkBudget();
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return null;
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}
