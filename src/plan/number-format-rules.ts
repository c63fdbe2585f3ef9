// The grammar of Excel number formats, as far as the plan uses it (Microsoft's "Number format
// codes" and "Review guidelines for customizing a number format"; ECMA-376 Part 1, 18.8.30-31):
// up to four sections split by ";"; in each, quoted text, escaped characters (\x), spacing (_x)
// and fill (*x), bracketed colours, conditions, locales and elapsed times; digit placeholders;
// date and time codes; "@"; "General"; and the few characters shown without quotes.

const COLOURS =
  /^(?:Black|Blue|Cyan|Green|Magenta|Red|White|Yellow|Color(?:[1-9]|[1-4]\d|5[0-6]))$/i;
const CONDITION = /^(?:<>|<=|>=|<|>|=)-?\d+(?:\.\d+)?$/;
/** [$-409], [$€-407], [$HKD-C04], [$US$]: a currency symbol and/or a hexadecimal locale id. */
const LOCALE = /^\$[^-\]]*(?:-[0-9A-Fa-f]{1,8})?$/;
const ELAPSED = /^(?:h+|m+|s+)$/i;
/** Characters Excel shows without quotes. */
const PLAIN = new Set([..."$-+/():!^&'~{}<>= "]);
const CODES = /^(?:General|AM\/PM|A\/P|E[+-]|yyyy|yy|e|d{1,4}|m{1,5}|h{1,2}|s{1,2}|[0#?.,%@])/i;

/** The sections of a format, split on ";" outside quotes, escapes and brackets. */
function sections(format: string): string[] | string {
  const out = [""];
  for (let k = 0; k < format.length; k++) {
    const ch = format[k];
    if (ch === ";") {
      out.push("");
      continue;
    }
    if (ch === '"') {
      const end = format.indexOf('"', k + 1);
      if (end < 0) return "an unclosed quote";
      out[out.length - 1] += format.slice(k, end + 1);
      k = end;
    } else if (ch === "[") {
      const end = format.indexOf("]", k + 1);
      if (end < 0) return "an unclosed [";
      out[out.length - 1] += format.slice(k, end + 1);
      k = end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      if (k + 1 >= format.length) return `"${ch}" at the end, with nothing to show`;
      out[out.length - 1] += format.slice(k, k + 2);
      k++;
    } else out[out.length - 1] += ch;
  }
  return out;
}

/** What is wrong with one section, or null. */
function sectionProblem(section: string): string | null {
  for (let k = 0; k < section.length;) {
    const rest = section.slice(k);
    const ch = rest[0];
    if (ch === '"') k = section.indexOf('"', k + 1) + 1;
    else if (ch === "\\" || ch === "_" || ch === "*") k += 2;
    else if (ch === "[") {
      const inside = rest.slice(1, rest.indexOf("]"));
      if (
        !COLOURS.test(inside) &&
        !CONDITION.test(inside) &&
        !LOCALE.test(inside) &&
        !ELAPSED.test(inside)
      )
        return `"[${inside}]" is neither a colour, a condition, a locale nor an elapsed time`;
      k += inside.length + 2;
    } else if (CODES.test(rest)) k += CODES.exec(rest)![0].length;
    else if (PLAIN.has(ch)) k++;
    else return `"${ch}" must be quoted or escaped`;
  }
  return null;
}

/** Month or day names in a section (mmm, mmmm, mmmmm, ddd, dddd), outside quotes and escapes. */
const NAMES = /(?:^|[^m])m{3,5}(?!m)|d{3,4}/i;
const bare = (section: string): string => section.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, " ");

/**
 * What Excel would refuse in a number format, or null when it takes it. A format that prints
 * month or day names must also pin its locale ([$-409]): otherwise the names follow the user's
 * machine, and an English form prints 六月 on a Chinese-language Excel.
 */
export function checkNumberFormat(format: string): string | null {
  if (format.length === 0) return "an empty format";
  // Excel's specifications: a number format is at most 255 characters
  if (format.length > 255) return `${format.length} characters (at most 255)`;
  const split = sections(format);
  if (typeof split === "string") return split;
  if (split.length > 4) return `${split.length} sections (at most 4)`;
  for (const section of split) {
    const problem = sectionProblem(section);
    if (problem) return problem;
    if (NAMES.test(bare(section)) && !/\[\$[^\]]*-[0-9A-Fa-f]+\]/.test(section))
      return "prints month or day names without a locale such as [$-409]";
  }
  return null;
}
