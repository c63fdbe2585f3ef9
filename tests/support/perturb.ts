/**
 * Changes a figure as written by one unit, keeping how it is written: one share or one currency
 * unit where the figure has a whole part, else one unit of its last decimal (prices, par values):
 * "1,167,621,933" -> "1,167,621,934", "US$1,200,000.00" -> "US$1,200,001.00",
 * "US$0.0353" -> "US$0.0354", "Nil" -> "1", "(600,000)" -> "(600,001)",
 * "1,000 (Note 2)" -> "1,001 (Note 2)".
 */
export function perturb(text: string): string {
  // a note beside the figure ("(Note 2)", "(Remarks)") is not the figure: its digits stay
  const figure = text.replace(/\([^()]*[A-Za-z][^()]*\)/g, (note) => " ".repeat(note.length));
  const match = /(\d[\d,]*)(\.(\d+))?(?!.*\d)/.exec(figure);
  if (!match) return "1";
  const [whole, intPart, , decimals = ""] = match;
  const units = BigInt(intPart.replace(/,/g, ""));
  const step = units === 0n && decimals ? 1n : 10n ** BigInt(decimals.length);
  const raw = (BigInt(intPart.replace(/,/g, "") + decimals) + step)
    .toString()
    .padStart(decimals.length + 1, "0");
  const head = raw.slice(0, raw.length - decimals.length);
  const grouped = intPart.includes(",") ? head.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : head;
  const next = decimals ? `${grouped}.${raw.slice(-decimals.length)}` : grouped;
  return text.slice(0, match.index) + next + text.slice(match.index + whole.length);
}
