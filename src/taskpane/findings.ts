/** Findings as the pane lists them: grouped by the form's sections, errors first, with counts. */
import type { Layout } from "../form";
import type { UnitId } from "../form/types";
import type { Finding } from "../rules/types";

/** The findings of one section of the form, errors before warnings. */
export interface FindingGroup {
  readonly key: string;
  readonly title: string;
  readonly findings: readonly Finding[];
}

/** How many errors and warnings a check found, and (where counted) cells left to fill. */
export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly toFill?: number;
}

const HEADER_TITLE = "Header and dates";
const OTHER_KEY = "other";

/** The title of a unit's section: its heading, with "III" before a part of Section III. */
function titleOf(layout: Layout, unit: UnitId): string {
  const def = layout.form.units.find((u) => u.id === unit);
  if (!def || def.section === "header") return HEADER_TITLE;
  return def.section === "III" && def.heading.startsWith("(") ? `III ${def.heading}` : def.heading;
}

/**
 * Groups findings by the section of their first cell (its field's unit, titled by the form's
 * unit headings), sections in form order, errors before warnings within each; findings that
 * name no cell of this return come last.
 */
export function groupFindings(layout: Layout, findings: readonly Finding[]): FindingGroup[] {
  const order = new Map<string, number>();
  for (const unit of layout.form.units) {
    const title = titleOf(layout, unit.id);
    if (!order.has(title)) order.set(title, order.size);
  }
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const field = layout.byId.get(finding.cells[0] ?? "");
    const key = field ? titleOf(layout, field.unit) : OTHER_KEY;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const rank = (key: string): number => order.get(key) ?? order.size;
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, list]) => ({
      key,
      title: key === OTHER_KEY ? "Other checks" : key,
      // a stable sort keeps the engine's order among errors and among warnings
      findings: [...list].sort((a, b) => severityRank(a) - severityRank(b)),
    }));
}

const severityRank = (f: Finding): number =>
  f.severity === "error" ? 0 : f.severity === "warning" ? 1 : 2;

/** Counts errors and warnings (cells to fill are counted by the verdict, cell by cell). */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  return { errors, warnings };
}

/** "1 error", "3 warnings": a count with its noun. */
export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The counts in words: "2 errors, 1 warning". */
export const countsText = (counts: FindingCounts): string =>
  `${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}`;
