/**
 * A finding's identity across runs: its rule, its file and the code it points at (blanks
 * folded), plus which occurrence of that same code it is. Line numbers stay out, so a
 * finding keeps its fingerprint when code above it moves.
 */
export function fingerprint(rule: string, path: string, code: string, occurrence: number): string {
  return fnv1a64(`${rule}\u0000${path}\u0000${code.replace(/\s+/g, " ").trim()}\u0000${occurrence}`);
}

/** FNV-1a, 64-bit, as 16 hex digits: small, stable, no dependency. */
function fnv1a64(input: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < input.length; i++) {
    hash ^= BigInt(input.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
