import type { Layout, ValueKind } from "../form";
import { runsOf } from "./a1";
import type { CellStyle, PlanCell, PlanValidation, StyleName, TemplatePlan } from "./types";

/** The template's styles: inputs are filled and unlocked, everything else locked. */
export const STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, fontSize: 14, locked: true },
  section: { bold: true, fill: "#D9E1F2", locked: true },
  part: { bold: true, italic: true, fill: "#EDF1F9", wrap: true, locked: true },
  heading: {
    bold: true,
    wrap: true,
    fill: "#F2F2F2",
    border: true,
    horizontal: "center",
    locked: true,
  },
  label: { wrap: false, locked: true },
  note: { italic: true, fontColor: "#595959", locked: true },
  input: { fill: "#FFFBEA", border: true, locked: false },
  total: { bold: true, fill: "#FFF2CC", border: true, locked: false },
  check: { fontColor: "#404040", fontSize: 9, locked: true },
  summary: { bold: true, horizontal: "right", locked: true },
};

/** The ranges of each style: its cells joined into column runs. */
export function styleRanges(cells: readonly PlanCell[]): TemplatePlan["styleRanges"] {
  const byStyle = new Map<StyleName, PlanCell[]>();
  for (const cell of cells) {
    const list = byStyle.get(cell.style);
    if (list) list.push(cell);
    else byStyle.set(cell.style, [cell]);
  }
  return [...byStyle].flatMap(([style, list]) =>
    runsOf(list).map((address) => ({ style, address }))
  );
}

const FIGURES: ReadonlySet<ValueKind> = new Set(["shares", "money", "par", "price"]);

/** Excel's custom validation for a figure: a number, the form's words for none, or digits as typed. */
const figureFormula = (cell: string): string =>
  `=OR(ISNUMBER(${cell}),ISNUMBER(MATCH(TRIM(${cell}),{"Nil","N/A","-","--","Not applicable"},0)),` +
  `ISNUMBER(-SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},",",""),"(",""),")","")))`;

const dateFormula = (cell: string): string =>
  `=OR(ISNUMBER(${cell}),ISNUMBER(MATCH(TRIM(${cell}),{"Nil","N/A","-"},0)))`;

/** Data validation on inputs: figures and dates by column run, the yes/no flag as a list. */
export function validationsOf(cells: readonly PlanCell[], layout: Layout): PlanValidation[] {
  const figures: PlanCell[] = [];
  const dates: PlanCell[] = [];
  const out: PlanValidation[] = [];
  for (const cell of cells) {
    const kind = cell.field ? layout.byId.get(cell.field)?.kind : undefined;
    if (kind && FIGURES.has(kind)) figures.push(cell);
    else if (kind === "date") dates.push(cell);
    else if (cell.field === "hdr.registered") {
      out.push({
        address: cell.address,
        kind: "list",
        list: ["Yes", "No"],
        inputTitle: "Registered capital",
        inputMessage: "Yes for a PRC issuer whose Section I states registered capital.",
        errorTitle: "Yes or No",
        errorMessage: "Choose Yes or No.",
      });
    }
  }
  const byRun = (
    cells: PlanCell[],
    kind: "figure" | "date",
    formula: (top: string) => string,
    text: Omit<PlanValidation, "address" | "kind" | "formula">
  ): void => {
    for (const address of runsOf(cells)) {
      // the formula is written for the run's top cell; Excel moves its reference down the run
      out.push({ address, kind, formula: formula(address.split(":")[0]), ...text });
    }
  };
  byRun(figures, "figure", figureFormula, {
    inputTitle: "A figure",
    inputMessage: "Type the figure as on the form: 1,234 or (1,234) for a decrease, Nil, N/A or -.",
    errorTitle: "Is this a figure?",
    errorMessage:
      "This does not read as a figure. You can keep it: the checks beside the form say whether it can be read.",
  });
  byRun(dates, "date", dateFormula, {
    inputTitle: "A date",
    inputMessage: "Type the date as dd/mm/yyyy, e.g. 05/12/2011.",
    errorTitle: "Is this a date?",
    errorMessage:
      "This does not read as a date (dd/mm/yyyy). You can keep it: the checks will say so.",
  });
  return out;
}
