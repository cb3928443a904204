/**
 * The walks of a function body that the flow steps share. Each model call asks of its
 * function which names hold request data, whole documents, model output or the response's
 * usage, and each question used to walk the whole body again. When the "function" is the
 * module (a call at module level, or the body of a `def` a typo cut loose), that was a walk
 * of the whole file per call. Here each body is walked once per extraction and the answers'
 * raw material is kept by the scope's node id (ids are unique within one tree only, so the
 * memo lives for one extraction, like the parent cache in syntax.ts).
 */
import type { Grammar } from "./grammar";
import type { Node } from "./syntax";
import { escapeRegExp } from "./textScan";

/** An assignment or loop whose own scope is the walked one: `targets = value` or `for targets in value`. */
export interface Flow {
  node: Node;
  left: Node;
  right: Node;
  /** An assignment form, not a loop. */
  assignment: boolean;
  /** The value's text, read once (each call site of the scope tests it against its sources). */
  readonly rightText: string;
}

function flowOf(node: Node, left: Node, right: Node, assignment: boolean): Flow {
  let text: string | undefined;
  return {
    node,
    left,
    right,
    assignment,
    get rightText() {
      return (text ??= right.text);
    },
  };
}

interface ScopeEntry {
  flows?: Flow[];
}

let memo: Map<number, ScopeEntry> | null = null;

export function withScopeWalks<T>(run: () => T): T {
  const outer = memo;
  memo = new Map();
  try {
    return run();
  } finally {
    memo = outer;
  }
}

function entryOf(scope: Node): ScopeEntry {
  if (!memo) return {};
  let entry = memo.get(scope.id);
  if (!entry) {
    entry = {};
    memo.set(scope.id, entry);
  }
  return entry;
}

/**
 * The assignments and loops of `scope` whose enclosing scope (per `ownScope`) is `scope`
 * itself, in document order.
 */
export function flowsOf(scope: Node, g: Grammar, ownScope: (node: Node) => Node): Flow[] {
  const entry = entryOf(scope);
  if (entry.flows) return entry.flows;
  const forms = [...g.assignments.map((form) => ({ form, assignment: true })), ...g.loops.map((form) => ({ form, assignment: false }))];
  const types = forms.map(({ form }) => form[0]);
  // A module's own flows are never inside its functions: those are not walked at all.
  const parts = scope.parent === null ? scope.namedChildren.flatMap((child) => outsideFunctions(child, g)) : [scope];
  const flows: Flow[] = [];
  for (const node of parts.flatMap((part) => part.descendantsOfType(types))) {
    const found = forms.find(({ form }) => form[0] === node.type);
    if (!found) continue;
    const [, leftField, rightField] = found.form;
    const left = node.childForFieldName(leftField);
    const right = node.childForFieldName(rightField);
    if (left && right && ownScope(node).id === scope.id) flows.push(flowOf(node, left, right, found.assignment));
  }
  entry.flows = flows;
  return flows;
}

/**
 * The parts of a top-level statement outside any function: none of a function, the decorators
 * of a decorated one (Python), nothing of an exported one (`export function f`), all of the rest.
 */
function outsideFunctions(statement: Node, g: Grammar): Node[] {
  if (g.functions.includes(statement.type)) return [];
  const inner = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement.type === "export_statement" ? statement.childForFieldName("declaration") : null;
  if (!inner || !g.functions.includes(inner.type)) return [statement];
  return statement.namedChildren.filter((child) => child.id !== inner.id);
}

/**
 * The identifiers named `name` in `scope` that start at or after `after`, in document order.
 * Found through the text: the name's occurrences are few, while walking every identifier of
 * a large scope (the module's, for a call at module level) marshals thousands of nodes.
 */
export function identifiersNamed(scope: Node, name: string, after: number, g: Grammar): Node[] {
  const found: Node[] = [];
  const text = scope.text;
  const word = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, "g");
  word.lastIndex = Math.max(0, after - scope.startIndex);
  for (let match = word.exec(text); match; match = word.exec(text)) {
    const start = scope.startIndex + match.index;
    const end = start + name.length;
    const node = scope.namedDescendantForIndex(start, end - 1);
    if (node?.type === g.identifier && node.startIndex === start && node.endIndex === end) found.push(node);
  }
  return found;
}
