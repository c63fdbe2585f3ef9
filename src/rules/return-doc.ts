import { z } from "zod";
import { FORM_VERSIONS, formVersion, layoutOf, LIMITS, unknownELines, type Layout } from "../form";

/** The most lines of one kind a return may have (the form's continuation sheets, Note 2). */
export const MAX_LINES = LIMITS.linesPerPart;

const count = z
  .number()
  .int()
  .min(0)
  .max(MAX_LINES, `at most ${MAX_LINES} lines in a part (the add-in's limit)`);

/** A cell's text, as typed: at most Excel's maximum length. */
const cellText = z
  .string()
  .max(LIMITS.cellLength, `at most ${LIMITS.cellLength} characters, Excel's maximum for a cell`);

/** The JSON schema of one return file (docs/return-format.md); zod validates it on input. */
export const returnSchema = z
  .object({
    format: z.literal("hkmr-return/1").describe("The format's name and version"),
    form: z.string().describe(
      `The form version id: ${Object.keys(FORM_VERSIONS)
        .map((id) => `"${id}"`)
        .join(", ")}`
    ),
    shape: z
      .object({
        classes: z
          .number()
          .int()
          .min(1)
          .max(LIMITS.classes, `at most ${LIMITS.classes} share classes (the add-in's limit)`)
          .optional()
          .describe("Number of share classes (FF301 blocks)"),
        options: count.describe("Lines of part (A), share options"),
        fundsLines: count.describe("Lines of funds raised from options, one per currency"),
        warrants: count.describe("Lines of part (B), warrants"),
        convertibles: count.describe("Lines of part (C), convertibles"),
        arrangements: count.describe("Lines of part (D), other arrangements"),
        otherMovements: count.describe('Lines "Other (Please specify)" of part (E)'),
        eLines: z
          .record(z.string().regex(/^[a-z][A-Za-z]*$/), count)
          .optional()
          .describe(
            'Lines of each typed line of part (E), by type ("repurchase": 2 gives E.repurchase and E.repurchase2, one per class); a type left out has one line'
          ),
      })
      .strict(),
    values: z
      .record(z.string(), cellText)
      .describe(
        'Field id to the text as typed; a field left out is a blank cell. Figures may carry what filed returns print beside them: "*", a note ("HK$0.05 (Remarks)", "(Note 2) 1,000"), "per share" after a price, or a currency alone ("HKD", zero in that currency); an amount with no currency takes its block\'s (heading, else the row\'s par value). See docs/return-format.md'
      ),
    meta: z
      .object({
        description: z.string().optional(),
        previous: z.string().optional().describe("File of last month's return"),
        expectedNotices: z
          .array(z.enum(["previous.form", "previous.month", "previous.undated", "previous.issuer"]))
          .optional()
          .describe("Test fixtures: why the cross-month rules skip `previous`, as notice codes"),
        expectedFindings: z
          .array(
            z
              .object({
                ruleId: z.string(),
                severity: z.enum(["error", "warning", "to-fill"]),
                cells: z.array(z.string()).optional(),
              })
              .strict()
          )
          .optional(),
      })
      .passthrough()
      .optional(),
  })
  .strict();

/** One month's return as read from a file: values kept exactly as typed. */
export type ReturnDoc = z.infer<typeof returnSchema>;

/** A problem with a return file: the path of the bad field and what is wrong with it. */
export interface DocProblem {
  readonly path: string;
  readonly message: string;
}

/** A JSON path as people read it: values["A.1.exercised"], shape.options. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part))
      out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || "(top level)";
}

/** How many unknown fields a failed read lists; `total` counts them all. */
const MAX_PROBLEMS_LISTED = 100;

/**
 * Validates parsed JSON as a return; the layout of its form and shape, or the problems found
 * (unknown fields: the first 100 listed, `total` counting every problem).
 */
export function readReturn(
  json: unknown
):
  | { ok: true; doc: ReturnDoc; layout: Layout }
  | { ok: false; problems: DocProblem[]; total?: number } {
  const parsed = returnSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: pathText(issue.path),
        message: issue.message,
      })),
    };
  }
  const doc = parsed.data;
  const form = formVersion(doc.form);
  if (!form) {
    return {
      ok: false,
      problems: [{ path: "form", message: `unknown form version "${doc.form}"` }],
    };
  }
  const unknown = unknownELines(form, doc.shape);
  if (unknown.length) {
    return {
      ok: false,
      problems: unknown.map((key) => ({
        path: pathText(["shape", "eLines", key]),
        message: `no typed part (E) line "${key}" in form ${form.id} ("Other" lines are counted by otherMovements)`,
      })),
    };
  }
  const layout = layoutOf(form, doc.shape);
  const problems: DocProblem[] = [];
  let total = 0;
  for (const id of Object.keys(doc.values)) {
    if (layout.byId.has(id)) continue;
    // a crafted file may name a million fields: the first ones are listed, the rest counted
    if (++total <= MAX_PROBLEMS_LISTED)
      problems.push({
        path: pathText(["values", id]),
        message: `no such field in form ${form.id} with this shape (see docs/return-format.md)`,
      });
  }
  return total ? { ok: false, problems, total } : { ok: true, doc, layout };
}
