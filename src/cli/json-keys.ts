/**
 * Finds the object keys JSON.parse would hide: a key written twice (the last one silently wins)
 * and "__proto__" (which some readers drop and others treat as the prototype). One pass over the
 * text, with no recursion, so any nesting depth and any size take linear time.
 */

/** A key that makes a return file invalid input: where it is, and why. */
export interface KeyProblem {
  readonly path: string;
  readonly message: string;
}

/** One open object or array, with the keys seen so far (objects) or the next index (arrays). */
interface Frame {
  readonly keys: Set<string> | null;
  readonly path: string;
  index: number;
  /** The key whose value comes next, in an object. */
  pending: string | null;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const step = (path: string, key: string): string =>
  IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

/**
 * The duplicate and "__proto__" keys of a JSON text (which JSON.parse has accepted), at most
 * `max` of them, and how many there are in all.
 */
export function keyProblems(text: string, max = 20): { problems: KeyProblem[]; total: number } {
  const problems: KeyProblem[] = [];
  let total = 0;
  const report = (path: string, message: string): void => {
    total += 1;
    if (problems.length < max) problems.push({ path: path || "(top level)", message });
  };
  const stack: Frame[] = [];
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    if (top.keys) return step(top.path, top.pending ?? "");
    return `${top.path}[${top.index}]`;
  };
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '"') {
      let end = k + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      // a string right after "{" or "," in an object is a key (JSON.parse has checked the rest)
      if (top?.keys && top.pending === null) {
        const raw = text.slice(k + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (key === "__proto__") report(step(top.path, key), 'the key "__proto__" is not allowed');
        else if (top.keys.has(key)) report(step(top.path, key), "this key appears twice");
        top.keys.add(key);
        top.pending = key;
      }
      k = end;
    } else if (ch === "{" || ch === "[") {
      stack.push({
        keys: ch === "{" ? new Set() : null,
        path: childPath(),
        index: 0,
        pending: null,
      });
    } else if (ch === "}" || ch === "]") {
      stack.pop();
    } else if (ch === ",") {
      const top = stack[stack.length - 1];
      if (top?.keys) top.pending = null;
      else if (top) top.index += 1;
    }
  }
  return { problems, total };
}
