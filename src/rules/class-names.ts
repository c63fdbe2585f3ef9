// How a line's "Class of shares issuable" text is compared with a class's name: case, punctuation,
// "(Note 1)" references and the words "share(s)" and "class(es)" do not matter.

/** A class name reduced to what identifies it: "Ordinary Shares (Note 1)" -> "ordinary". */
export function classKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(note\s*\d+\)/g, "")
    .replace(/[^a-z0-9()]+/g, " ")
    .replace(/\b(shares?|class(es)?)\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether two texts name the same class ("Ordinary shares" and "ordinary" do). */
export const sameClass = (a: string, b: string): boolean => classKey(a) === classKey(b);
