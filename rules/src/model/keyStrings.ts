/**
 * The string literals that could hold a key, found from the text rather than by visiting every
 * string: strings are the most numerous nodes, and fetching each from the parser cost as much
 * as the walk for every other fact of a file. A literal can hold a key only when its raw text
 * holds a key prefix (`KEY_MARKER`), or it starts where a key is given (an API-key option's
 * value, a value after `apiKey:`). The adapters still decide on each candidate.
 */
import type { ClientFact } from "./facts";
import { apiKeyEntries } from "./common";
import { KEY_MARKER } from "./secrets";
import { parentOf, type Node } from "./syntax";
import { matchesWithin } from "./textScan";

const MARKERS = new RegExp(KEY_MARKER.source, "g");

/**
 * The nodes of `types` inside `statements` that contain a key prefix or start where a client's
 * API-key option is given, in document order (an enclosing string before
 * the strings inside it), each once. `startsAfter`: a `g` pattern whose every match ends where a
 * candidate may start (`apiKey: "…"` of a provider factory).
 */
export function keyStringCandidates(root: Node, text: string, statements: Node[], types: readonly string[], clients: ClientFact[], startsAfter?: RegExp): Node[] {
  const found = new Map<number, Node>();
  const add = (node: Node) => found.set(node.id, node);
  const scan = (pattern: RegExp, onMatch: (at: number, end: number, statementEnd: number) => void) => {
    for (const statement of statements) {
      for (const match of matchesWithin(text, pattern, statement.startIndex, statement.endIndex)) onMatch(match.index, match.index + match[0].length, statement.endIndex);
    }
  };
  // Every string around a prefix holds it in its raw text, the strings nested in another too.
  scan(MARKERS, (at) => {
    for (let node: Node | null = root.descendantForIndex(at, at + 1); node; node = parentOf(node)) {
      if (types.includes(node.type)) add(node);
    }
  });
  const startingAt = (at: number) => {
    for (let node: Node | null = root.descendantForIndex(at, at + 1); node && node.startIndex === at; node = parentOf(node)) {
      if (types.includes(node.type)) add(node);
    }
  };
  if (startsAfter) {
    scan(startsAfter, (_, end, statementEnd) => {
      if (end < statementEnd) startingAt(end);
    });
  }
  // The values of the clients' API-key options.
  for (const entry of clients.flatMap(apiKeyEntries)) {
    const at = entry.valueSpan.start;
    if (statements.some((s) => s.startIndex <= at && at < s.endIndex)) startingAt(at);
  }
  return [...found.values()].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}
