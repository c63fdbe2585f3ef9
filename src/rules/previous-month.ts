/**
 * Whether a return given as last month's is last month's return of the same issuer on the same
 * form family. Cross-month rules run only then; otherwise they are skipped with a notice that
 * says why, never a finding on the return.
 */
import { daysInMonth, formatDate, type YMD } from "../values/dates";
import { parseCell } from "../values/parse";
import { reconcile, type Finding, type MonthInput } from "./reconcile";

/** Why the cross-month rules were skipped, in the user's terms. */
export interface Notice {
  /** "previous.month", "previous.issuer", "previous.form" or "previous.undated". */
  readonly code: string;
  readonly message: string;
}

/** A return's findings with the notices about last month's return. */
export interface MonthsChecked {
  readonly findings: Finding[];
  readonly notices: Notice[];
  /** Whether the cross-month rules ran (last month's return given and accepted). */
  readonly crossMonth: boolean;
}

const MONTH_ENDED = "hdr.monthEnded";
const ISSUER = "hdr.issuer";

function monthEndOf(month: MonthInput): YMD | null {
  const p = parseCell(month.values[MONTH_ENDED], "date");
  return p.tag === "date" ? { year: p.year, month: p.month, day: p.day } : null;
}

/** The last day of the month before `date`'s month. */
function lastDayBefore(date: YMD): YMD {
  const year = date.month === 1 ? date.year - 1 : date.year;
  const month = date.month === 1 ? 12 : date.month - 1;
  return { year, month, day: daysInMonth(year, month) };
}

// an issuer's name compared without case, spacing and punctuation ("Example Holdings Ltd." and
// "EXAMPLE HOLDINGS LTD" are one issuer), and a name written short for the full one ("Example
// Holdings" for "Example Holdings Limited"); a renamed issuer keeps its stock code, compared first
const nameKey = (text: string): string => text.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, "");

/** Whether two issuers' names are one issuer's, as written in full or short. */
function sameName(a: string, b: string): boolean {
  const [p, q] = [nameKey(a), nameKey(b)];
  return p.startsWith(q) || q.startsWith(p);
}

function textOf(month: MonthInput, id: string): string {
  const p = parseCell(month.values[id], "text");
  return p.tag === "text" ? p.text.trim() : "";
}

/** The stock codes the return's class blocks state ("03888" and "3888" are one code). */
function stockCodes(month: MonthInput): Set<string> {
  const codes = new Set<string>();
  for (const field of month.layout.fields) {
    if (!field.id.startsWith("auth.") || !field.id.endsWith(".stockCode")) continue;
    const digits = textOf(month, field.id).replace(/^0+(?=\d)/, "");
    if (/^\d{1,6}$/.test(digits)) codes.add(digits);
  }
  return codes;
}

/** Why `previous` is not this issuer's: a stock code or name in both that differs; else null. */
function otherIssuer(month: MonthInput, previous: MonthInput): string | null {
  const [codes, prevCodes] = [stockCodes(month), stockCodes(previous)];
  if (codes.size > 0 && prevCodes.size > 0) {
    if ([...codes].some((code) => prevCodes.has(code))) return null;
    return `its stock code ${[...prevCodes].join(", ")} is not this return's ${[...codes].join(", ")}`;
  }
  const [name, prevName] = [textOf(month, ISSUER), textOf(previous, ISSUER)];
  if (name === "" || prevName === "" || sameName(name, prevName)) return null;
  return `it is for "${prevName}", this return for "${name}"`;
}

/** The notices that keep the cross-month rules from running; none when last month's return fits. */
export function previousNotices(month: MonthInput, previous: MonthInput): Notice[] {
  const form = month.layout.form;
  const prevForm = previous.layout.form;
  // the 2011 form's fixed class slots and FF301's class blocks name their cells apart
  if (form.classMode !== prevForm.classMode) {
    return [
      {
        code: "previous.form",
        message: `Last month's return is on another form (${prevForm.name}; this one: ${form.name}), so the checks against last month were skipped.`,
      },
    ];
  }
  const notices: Notice[] = [];
  const [end, prevEnd] = [monthEndOf(month), monthEndOf(previous)];
  if (end === null || prevEnd === null) {
    notices.push({
      code: "previous.undated",
      message: `${end === null ? "This return's" : "Last month's return's"} "For the month ended" does not read as a date, so it cannot be told which month it follows; the checks against last month were skipped.`,
    });
  } else {
    const wanted = lastDayBefore(end);
    const [a, b] = [formatDate(prevEnd), formatDate(wanted)];
    if (a !== b) {
      notices.push({
        code: "previous.month",
        message: `Last month's return is for the month ended ${a}, not ${b}, the month before this one, so the checks against last month were skipped.`,
      });
    }
  }
  const why = otherIssuer(month, previous);
  if (why !== null) {
    notices.push({
      code: "previous.issuer",
      message: `Last month's return is of another issuer (${why}), so the checks against last month were skipped.`,
    });
  }
  return notices;
}

/**
 * Reconciles a return with last month's where it is last month's return of the same issuer and
 * form family; otherwise without it, saying why in the notices.
 */
export function checkMonths(month: MonthInput, previous?: MonthInput): MonthsChecked {
  const notices = previous ? previousNotices(month, previous) : [];
  const usable = previous && notices.length === 0 ? previous : undefined;
  return { findings: reconcile(month, usable), notices, crossMonth: usable !== undefined };
}
