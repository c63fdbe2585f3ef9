import { formVersion, layoutOf, type Layout, type Shape } from "../form";
import { checkArguments, checkSpec, OK, TO_FILL_PREFIX, WARNING_PREFIX } from "../rules/check-cell";
import { computedFieldsOf, type Computation } from "../rules/compute-cell";
import { checksOf } from "../rules/reconcile";
import { parseCell } from "../values/parse";
import { absolute, a1, isColumnRun, nameOf, quoteSheet, rect, runsOf, textOf } from "./a1";
import { anchorsOf } from "./anchors";
import { CAUSE_NAME, causeFormula, stripsOf } from "./cause";
import { canFold } from "../rules/cause";
import { FIGURES } from "../rules/suggest";
import { asDateSerial, formColumnsOf, writeForm } from "./positions";
import { numberFormatsOf, SheetBuilder, type Position } from "./sheet";
import {
  CHECK_CHARS,
  columnPx,
  formColumnWidths,
  headingsToBreak,
  labelsToWrap,
  REASON_CHARS,
  linePoints,
  rowHeightsOf,
  spansOf,
  STATUS_CHARS,
  textPx,
} from "./layout";
import { REASON_UNREADABLE, STATUS_UNREADABLE } from "../rules/row-verdict";
import { STYLES, styleRanges, validationsOf } from "./styles";
import { conditionalFormatsOf, type MarkedCheck } from "./marks";
import { likelyFormatsOf } from "./likely";
import { META_NAME, metaValue } from "./meta";
import { printedRowHeights, printSetupOf, sectionRowsOf } from "./print";
import type { PlanCheck, PlanName, PlanHeader, TemplatePlan } from "./types";

export { textOf } from "./a1";

/** The sheet name of a month's return: "MR 2011-11"; "MR (new)" without a readable month. */
export function sheetNameFor(monthEnded: string | undefined): string {
  const p = parseCell(monthEnded ?? "", "date");
  return p.tag === "date" ? `MR ${p.year}-${String(p.month).padStart(2, "0")}` : "MR (new)";
}

/**
 * What the summary cell reads when a check cell holds an error value (HKMR.SUMMARY is then not
 * called), before the count of checks not OK: never "ready".
 */
export const NOT_READY = "Not ready: check cells in error or not readable: ";

/** The reference a check formula passes for one argument. */
function argumentText(
  arg: ReturnType<typeof checkArguments>[number],
  sheet: SheetBuilder,
  names: Map<string, PlanName>,
  previousSheet: string | undefined
): string {
  if (arg.kind === "cell") {
    const name = nameOf("", arg.cell.id);
    if (arg.cell.prev) return `${quoteSheet(previousSheet ?? "")}!${name}`;
    return sheet.fieldAt.has(arg.cell.id) ? name : '""';
  }
  const positions = arg.cells.map((c) => sheet.fieldAt.get(c.id)).filter((p): p is Position => !!p);
  if (positions.length === 0) return '""'; // no lines: one blank line reads the same
  if (!isColumnRun(positions))
    throw new Error(`Line group from ${arg.cells[0].id} is not one column`);
  const name = nameOf("lines_", arg.cells[0].id);
  const last = positions[positions.length - 1];
  names.set(name, { name, address: rect(positions[0].row, positions[0].col, last.row, last.col) });
  return name;
}

/**
 * The formula of a computed cell: HKMR.COMPUTE (or COMPUTELIST) on its check's spec, its field,
 * and the check's cells by name, the argument holding the cell itself passed as "" (no cycle).
 */
function computedFormula(
  layout: Layout,
  sheet: SheetBuilder,
  names: Map<string, PlanName>,
  field: string,
  how: Computation
): string {
  const args = checkArguments(how.instance, false).map((arg) =>
    (arg.kind === "cell" ? [arg.cell] : arg.cells).some((c) => c.id === field)
      ? '""'
      : argumentText(arg, sheet, names, undefined)
  );
  const spec = checkSpec(layout, how.instance, false);
  const fn = how.kind === "currencies" ? "HKMR.COMPUTELIST" : "HKMR.COMPUTE";
  const call = `${fn}(${[textOf(spec), textOf(field), ...args].join(",")})`;
  if (!how.when || !sheet.fieldAt.has(how.when.id)) return `=${call}`;
  // blank while the line states no currency: a funds line not used asks for nothing
  const when = nameOf("", how.when.id);
  return `=IF(TRIM(${when})="","",${call})`;
}

/**
 * Makes each derived total a formula computed by the rule that checks it (compute-cell.ts); a
 * value the header gives for one (typed over) stays as given.
 */
function writeComputed(
  layout: Layout,
  sheet: SheetBuilder,
  header: PlanHeader,
  names: Map<string, PlanName>
): void {
  for (const [field, how] of computedFieldsOf(layout)) {
    if (!sheet.fieldAt.has(field) || header.values?.[field] !== undefined) continue;
    sheet.setFormula(field, computedFormula(layout, sheet, names, field, how));
  }
}

/** Writes a check cell per rule instance, with its name, and the conditional formats of them all. */
function writeChecks(
  layout: Layout,
  sheet: SheetBuilder,
  header: PlanHeader,
  names: Map<string, PlanName>
) {
  const checks: PlanCheck[] = [];
  const toMark: MarkedCheck[] = [];
  const withPrev = header.previousSheet !== undefined;
  // a class block of FF301 spreads its many checks over its rows
  const anchorRow = anchorsOf(layout, sheet, layout.form.classMode === "blocks");
  for (const instance of checksOf(layout)) {
    const args = checkArguments(instance, withPrev).map((arg) =>
      argumentText(arg, sheet, names, header.previousSheet)
    );
    // a check that a suspect may clear reads the sheet's cause first, to tell it from its side
    const folds = canFold(instance);
    const spec = checkSpec(layout, instance, withPrev, folds);
    const at = sheet.check(
      anchorRow(instance),
      instance.key,
      `=HKMR.CHECK(${[textOf(spec), ...(folds ? [CAUSE_NAME] : []), ...args].join(",")})`
    );
    // a name for hosts that cannot follow moved rows (the preview); Excel needs none, since the
    // conditional formats read check cells by reference, which moves with the rows
    const name = nameOf("chk_", instance.key);
    const marked = instance.cells.filter((c) => !c.prev && sheet.fieldAt.has(c.id));
    checks.push({
      key: instance.key,
      ruleId: instance.rule.id,
      address: a1(at.row, at.col),
      name,
      fields: marked.map((c) => c.id),
    });
    // cells to fill have a look of their own, not red: only a completeness check gives them
    toMark.push({
      key: instance.key,
      fills: instance.rule.severity === "F",
      at,
      cells: marked.map((c) => sheet.fieldAt.get(c.id)!),
    });
  }
  // the likely wrong figure is one of the figures: each gets the cause's mark, read natively
  const figures = layout.fields.filter((f) => FIGURES.has(f.kind) && sheet.fieldAt.has(f.id));
  const formats = [
    ...conditionalFormatsOf(toMark),
    ...likelyFormatsOf(figures.map((f) => sheet.fieldAt.get(f.id)!)),
  ];
  return { checks, formats };
}

/** The first row and column of an A1 address ("B7:C9" gives 7 and 2). */
function rowColOf(address: string): Position {
  const m = /^([A-Z]+)(\d+)/.exec(address)!;
  return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

/**
 * The tables of the sheet by row: each row's table (its first row) and the column the table
 * ends at. A table is a run of rows between blank rows, split where a row of column headings
 * follows rows without (a class's header lines, then its figures under their headings), as wide
 * as its inputs and headings (a heading's merge counts to its last column), at most the form.
 */
function tablesOf(
  sheet: SheetBuilder,
  columns: number
): Map<number, { top: number; last: number }> {
  const spans = spansOf(sheet.merges);
  const lastOfRow = new Map<number, number>();
  const headed = new Set<number>();
  for (const cell of sheet.cells()) {
    if (cell.col > columns) continue;
    const span = spans.find((x) => x.row === cell.row && x.col === cell.col);
    if (cell.style === "heading") headed.add(cell.row);
    // a heading spans its table; a wide input (a remark, a confirmation) only starts in it
    const last =
      cell.style === "heading"
        ? Math.min(columns, span?.lastCol ?? cell.col)
        : cell.role === "input"
          ? cell.col
          : 0;
    lastOfRow.set(cell.row, Math.max(lastOfRow.get(cell.row) ?? 0, last));
  }
  const starts = (row: number): boolean =>
    !lastOfRow.has(row - 1) || (headed.has(row) && !headed.has(row - 1));
  const out = new Map<number, { top: number; last: number }>();
  for (let row = 1; row <= sheet.row;) {
    if (!lastOfRow.has(row)) {
      row++;
      continue;
    }
    let end = row;
    while (lastOfRow.has(end + 1) && !starts(end + 1)) end++;
    let last = 0;
    for (let r = row; r <= end; r++) last = Math.max(last, lastOfRow.get(r)!);
    for (let r = row; r <= end; r++) out.set(r, { top: row, last: last || columns });
    row = end + 1;
  }
  return out;
}

/** Checks from elsewhere in a table that one row's status reads at most (formula length). */
const OTHER_CHECKS_MAX = 40;

/**
 * Writes, on each row of figures or checks, the row's status (the worst of its checks as a
 * mark) and reason (that check's text) in the first two columns right of its table, or right of
 * the form where those are taken. A row reads its own check cells and the checks elsewhere in
 * its table that mark its figures (a roll-forward checked on the closing row marks the opening
 * one too), so a marked figure never stands beside a tick; both fail closed on an error value.
 */
function writeRowVerdicts(sheet: SheetBuilder, checks: readonly PlanCheck[], columns: number) {
  const tables = tablesOf(sheet, columns);
  const spans = spansOf(sheet.merges);
  const free = (row: number, col: number): boolean =>
    !sheet.has(row, col) &&
    !spans.some((x) => x.row <= row && row <= x.lastRow && x.col <= col && col <= x.lastCol);
  const [first, last] = [sheet.firstCheckColumn, sheet.lastColumn()];
  const own = new Set<number>();
  const others = new Map<number, string[]>();
  for (const check of checks) {
    const at = rowColOf(check.address);
    own.add(at.row);
    const marked = new Set(check.fields.map((id) => sheet.fieldAt.get(id)?.row ?? at.row));
    for (const row of marked) {
      const [mine, theirs] = [tables.get(row), tables.get(at.row)];
      if (row === at.row || !mine || mine.top !== theirs?.top) continue;
      const list = others.get(row) ?? [];
      if (list.length < OTHER_CHECKS_MAX) others.set(row, [...list, check.address]);
    }
  }
  const rows = [...new Set([...own, ...others.keys()])].sort((p, q) => p - q);
  for (const row of rows) {
    let col = Math.min(columns, tables.get(row)?.last ?? columns) + 1;
    if (!free(row, col) || !free(row, col + 1)) col = columns + 1;
    const refs = [
      ...(own.has(row) ? [`${a1(row, first)}:${a1(row, last)}`] : []),
      ...(others.get(row) ?? []),
    ].join(",");
    sheet.put({
      row,
      col,
      role: "label",
      content: `=IFERROR(HKMR.STATUS(${refs}),"${STATUS_UNREADABLE}")`,
      style: "status",
    });
    sheet.put({
      row,
      col: col + 1,
      role: "label",
      // when HKMR.REASON gives an error: the text only where the status reads as an error (a
      // check cell holds one, or no HKMR function runs), else blank, as in a program that
      // cannot run it but keeps the status cached
      content: `=IFERROR(HKMR.REASON(${refs}),IF(${a1(row, col)}="${STATUS_UNREADABLE}","${REASON_UNREADABLE}",""))`,
      style: "reason",
    });
  }
}

/**
 * Writes the key column after the check columns (each row's number in the plan, rows 2 on) and
 * the cause cell above it, and returns the cause cell's address: the cause reads the form's field
 * cells as strips, which stay clear of the status, reason and summary cells that read it.
 */
function writeCause(
  layout: Layout,
  sheet: SheetBuilder,
  rowCount: number,
  header: PlanHeader
): string {
  const col = sheet.lastColumn() + 1;
  const cells = sheet.cells();
  if (cells.some((c) => c.row === 1 && c.field))
    throw new Error("A field on the title row: the key column starts on row 2");
  for (let row = 2; row <= rowCount; row++)
    sheet.put({ row, col, role: "label", content: String(row), style: "check" });
  const keys = { col, top: 2, bottom: rowCount };
  const formula = causeFormula(
    layout,
    stripsOf(cells, sheet.formColumns),
    keys,
    header.previousSheet
  );
  sheet.put({ row: 1, col, role: "label", content: formula, style: "cause" });
  return a1(1, col);
}

/** Pixels the title may take before the verdict: it wraps in them when longer. */
const TITLE_PX = 560;

/** Pixels from the sheet's left edge in view beside a task pane on a 1366-pixel screen. */
const IN_VIEW_PX = 1000;

/**
 * The longest verdict the summary cell is sized for: the counts, then the likely cause with its
 * cell, a long label, its value and what it clears.
 */
const LONGEST_VERDICT =
  "21 cells to fill · 4 errors · 4 warnings · Likely cause: B36, II (1): Balance at close of the month, " +
  "Number of issued shares (excluding treasury shares). 1,000,250,000 would clear 2 errors.";

/**
 * Puts "Verdict:" on the title's row just right of the title, whose merge ends there, and
 * returns the cell the summary goes in, merged across the columns in view: near A1, frozen with
 * the title, the likely cause wrapping under the counts.
 */
function writeSummary(
  sheet: SheetBuilder,
  widths: readonly number[],
  columns: number
): Position & { lines: number } {
  const title = sheet.cells().find((c) => c.row === 1 && c.col === 1);
  // a long title wraps in its merge rather than push the verdict out of view
  const needed = Math.min(TITLE_PX, textPx(title?.content ?? "", STYLES.title) + 12);
  let col = 2;
  let left = columnPx(widths[0]);
  for (; left < needed && col < columns - 1; col++) left += columnPx(widths[col - 1]);
  const merge = sheet.merges.findIndex((m) => m.startsWith("A1:"));
  if (merge >= 0) sheet.merges.splice(merge, 1, ...(col > 2 ? [rect(1, 1, 1, col - 1)] : []));
  sheet.put({ row: 1, col, role: "label", content: "Verdict:", style: "summary" });
  // the verdict's own merge: from after the label to the last column still in view
  left += columnPx(widths[col - 1]);
  let last = col + 1;
  let px = columnPx(widths[last - 1]);
  while (last < columns && left + px + columnPx(widths[last]) <= IN_VIEW_PX)
    px += columnPx(widths[last++]);
  if (last > col + 1) sheet.merges.push(rect(1, col + 1, 1, last));
  const lines = Math.ceil(textPx(LONGEST_VERDICT, STYLES.verdict) / Math.max(1, px - 6));
  return { row: 1, col: col + 1, lines };
}

/**
 * Plans the worksheet of one return: the form's sections with input cells, a check cell per
 * rule instance, each row's status and reason beside its table, names, styles, validation,
 * conditional formats, widths, row heights, frozen panes and print setup, as plain data.
 */
export function planTemplate(formId: string, shape: Shape, header: PlanHeader = {}): TemplatePlan {
  const form = formVersion(formId);
  if (!form) throw new RangeError(`Unknown form version "${formId}"`);
  const layout = layoutOf(form, shape);
  const columns = formColumnsOf(formId, shape);
  const sheet = new SheetBuilder(columns, numberFormatsOf(form.negatives, form.dates?.format));
  writeForm({ layout, sheet, header });
  // dates carried by roll forward are written as serials too, the rest as they are
  const dateFields = new Set(layout.fields.filter((f) => f.kind === "date").map((f) => f.id));
  for (const [id, text] of Object.entries(header.values ?? {})) {
    sheet.setInput(id, dateFields.has(id) ? asDateSerial(text) : text);
  }
  const names = new Map<string, PlanName>();
  for (const [id, at] of sheet.fieldAt) {
    const name = nameOf("", id);
    names.set(name, { name, address: a1(at.row, at.col), field: id });
  }
  writeComputed(layout, sheet, header, names);
  const { checks, formats } = writeChecks(layout, sheet, header, names);
  const rowCount = sheet.row;
  const checkArea = `${absolute(1, sheet.firstCheckColumn)}:${absolute(rowCount, sheet.lastColumn())}`;
  writeRowVerdicts(sheet, checks, columns);
  const formWidths = formColumnWidths(
    sheet.cells(),
    layout,
    new Set(sheet.merges.map((m) => m.split(":")[0])),
    columns
  );
  // "Ready to file" or what is left, from the check cells' texts; fail closed: a check cell
  // missing counts as an error, and an error value among them never reads ready
  const summary = writeSummary(sheet, formWidths, columns);
  names.set(CAUSE_NAME, { name: CAUSE_NAME, address: writeCause(layout, sheet, rowCount, header) });
  sheet.put({
    row: summary.row,
    col: summary.col,
    role: "summary",
    content: `=IFERROR(HKMR.SUMMARY(${checkArea},${checks.length},${CAUSE_NAME}),"${NOT_READY}"&(${checks.length}-COUNTIF(${checkArea},"${OK}")-COUNTIF(${checkArea},"${WARNING_PREFIX}*")-COUNTIF(${checkArea},"${TO_FILL_PREFIX}*")))`,
    style: "verdict",
  });
  names.set("summary", { name: "summary", address: a1(summary.row, summary.col) });
  const columnCount = sheet.lastColumn();
  const columnWidths = Array.from({ length: columnCount }, (_, k) =>
    k < columns
      ? formWidths[k]
      : k === columns
        ? STATUS_CHARS
        : k === columns + 1
          ? REASON_CHARS
          : CHECK_CHARS
  );
  const spans = spansOf(sheet.merges);
  for (const address of labelsToWrap(sheet.cells(), spans, columnWidths, columns, STYLES))
    sheet.restyle(address, "labelWrap");
  for (const [address, content] of headingsToBreak(sheet.cells(), spans, columnWidths, STYLES))
    sheet.retext(address, content);
  const cells = sheet.cells();
  // the title's row tall enough for the longest verdict to wrap in view
  const verdictPoints = summary.lines * linePoints(STYLES.verdict) + 3;
  const rowHeights = rowHeightsOf(cells, spans, columnWidths, STYLES);
  const titleRow = rowHeights.find((r) => r.row === 1);
  if (!titleRow || titleRow.points < verdictPoints)
    rowHeights.splice(titleRow ? rowHeights.indexOf(titleRow) : 0, titleRow ? 1 : 0, {
      row: 1,
      points: verdictPoints,
    });
  return {
    formId,
    shape,
    sheetName: sheetNameFor(header.monthEnded),
    rowCount,
    columnCount,
    grid: sheet.grid(rowCount, columnCount),
    cells,
    merges: sheet.merges,
    columnWidths,
    rowHeights,
    // the title and verdict, the month; the labels of column A
    freeze: { rows: 2, columns: 1 },
    formColumns: columns,
    styles: STYLES,
    styleRanges: styleRanges(cells),
    numberFormats: numberFormatRanges(cells),
    names: [...names.values()],
    validations: validationsOf(cells, layout),
    conditionalFormats: formats,
    checks,
    summary: a1(summary.row, summary.col),
    meta: { name: META_NAME, value: metaValue(formId, shape, header.monthEnded) },
    print: printSetupOf({
      columnWidths,
      formColumns: columns,
      rowCount,
      rowHeights: printedRowHeights({ cells, styles: STYLES, rowCount, rowHeights }),
      ...sectionRowsOf(cells),
    }),
  };
}

/** Number formats by range: input cells of one format, joined into column runs. */
function numberFormatRanges(cells: TemplatePlan["cells"]): TemplatePlan["numberFormats"] {
  const byFormat = new Map<string, { row: number; col: number }[]>();
  for (const cell of cells) {
    if (!cell.numberFormat) continue;
    const list = byFormat.get(cell.numberFormat);
    if (list) list.push(cell);
    else byFormat.set(cell.numberFormat, [cell]);
  }
  return [...byFormat].flatMap(([format, at]) =>
    runsOf(at).map((address) => ({ format, address }))
  );
}
