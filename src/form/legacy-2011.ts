import type { ELineType, FieldTemplate, FormVersion, UnitDef } from "./types";

// Wording as printed on the 2011 form (form-spec.md; seed: Kingsoft, November 2011).

// What a filed return states (Requirement): the header and signature always; a class block's
// balances and a line's particulars, class, price, date and balances where it is in use.
const always = { required: "always" } as const;
const inUse = { required: "inUse" } as const;

const shareLine = (key: string, label: string): FieldTemplate => ({ key, label, kind: "shares" });

const NEW_SHARES = "No. of new shares of issuer issued during the month pursuant thereto";
const MAY_ISSUE =
  "No. of new shares of issuer which may be issued pursuant thereto as at close of the month";
const CLASS_ISSUABLE = "Class of shares issuable (Note 1)";
const EGM_DATE = "EGM approval date (if applicable) (dd/mm/yyyy)";

/** A warrant or convertible line: an amount rolled forward, the shares it gives, its terms. */
const instrumentLine = (
  part: "B" | "C",
  labels: { currency: string; preceding: string; moved: [string, string]; close: string }
): FieldTemplate[] => [
  { key: `${part}.{i}.currency`, label: labels.currency, kind: "currency", ...inUse },
  {
    key: `${part}.{i}.preceding`,
    label: labels.preceding,
    kind: "money",
    balance: true,
    ...inUse,
  },
  { key: `${part}.{i}.${labels.moved[0]}`, label: labels.moved[1], kind: "money" },
  { key: `${part}.{i}.close`, label: labels.close, kind: "money", balance: true, ...inUse },
  shareLine(`${part}.{i}.issued`, NEW_SHARES),
  { key: `${part}.{i}.mayIssue`, label: MAY_ISSUE, kind: "shares", balance: true, ...inUse },
  { key: `${part}.{i}.stockCode`, label: "Stock code (if listed)", kind: "text" },
  { key: `${part}.{i}.class`, label: CLASS_ISSUABLE, kind: "class", ...inUse },
  { key: `${part}.{i}.price`, label: "Subscription price", kind: "price", ...inUse },
  { key: `${part}.{i}.egmDate`, label: EGM_DATE, kind: "date" },
];

/** Each class's three totals rows, one per part, take the same shape. */
const totalsUnit = (id: UnitDef["id"], part: string, heading: string): UnitDef => ({
  id,
  section: "III",
  heading,
  fields: [shareLine(`${part}.total.{c}`, `Total ${part}. {class}`)],
});

/** The ten "Type of Issue" lines of part (E); line 10 repeats for each "Other" movement. */
const eLines: readonly ELineType[] = [
  ["rights", 1, "Rights issue", "increase", true],
  ["openOffer", 2, "Open offer", "increase", true],
  ["placing", 3, "Placing", "increase", true],
  ["bonus", 4, "Bonus issue", "increase", false],
  ["scrip", 5, "Scrip dividend", "increase", true],
  ["repurchase", 6, "Repurchase of shares", "decrease", false],
  ["redemption", 7, "Redemption of shares", "decrease", false],
  ["consideration", 8, "Consideration issue", "increase", true],
  ["reorganisation", 9, "Capital reorganisation", "either", false],
  ["other", 10, "Other (Please specify)", "either", true],
].map(([key, number, label, direction, hasPrice]) => ({
  key: key as string,
  number: number as number,
  label: label as string,
  direction: direction as ELineType["direction"],
  hasPrice: hasPrice as boolean,
  classLabel:
    key === "repurchase"
      ? "Class of shares repurchased (Note 1)"
      : key === "redemption"
        ? "Class of shares redeemed (Note 1)"
        : CLASS_ISSUABLE,
  dateLabel:
    key === "repurchase"
      ? "Cancellation date : (dd/mm/yyyy)"
      : key === "redemption"
        ? "Redemption date : (dd/mm/yyyy)"
        : "Issue and allotment date : (dd/mm/yyyy)",
  repeatable: key === "other",
  reorganisation: key === "reorganisation",
}));

const units: readonly UnitDef[] = [
  {
    id: "header",
    section: "header",
    heading: "Monthly Return of Equity Issuer on Movements in Securities",
    fields: [
      {
        key: "hdr.monthEnded",
        label: "For the month ended (dd/mm/yyyy) :",
        kind: "date",
        ...always,
      },
      { key: "hdr.issuer", label: "Name of Issuer", kind: "text", ...always },
      { key: "hdr.submitted", label: "Date Submitted", kind: "date", ...always },
      {
        key: "hdr.registered",
        label: "Section I states registered capital (PRC issuer): Yes or No",
        kind: "text",
        choices: ["Yes", "No"],
      },
    ],
  },
  {
    id: "authClass",
    section: "I",
    heading: "I. Movements in Authorised Share Capital",
    fields: [
      { key: "auth.{c}.stockCode", label: "Stock code :", kind: "text" },
      { key: "auth.{c}.description", label: "Description :", kind: "text" },
      { key: "auth.{c}.parCurrency", label: "Par value (State currency)", kind: "currency" },
      {
        key: "auth.{c}.capitalCurrency",
        label: "Authorised share capital (State currency)",
        kind: "currency",
      },
      { key: "auth.{c}.{row}.{col}", label: "", kind: "shares", grid: "auth" },
    ],
  },
  {
    id: "authTotal",
    section: "I",
    heading: "I. Movements in Authorised Share Capital",
    fields: [
      {
        key: "auth.total",
        label: "Total authorised share capital at the end of the month (State currency) :",
        kind: "moneyList",
      },
    ],
  },
  {
    id: "issuedClass",
    section: "II",
    heading: "II. Movements in Issued Share Capital",
    fields: [{ key: "issued.{c}.{row}.{col}", label: "", kind: "shares", grid: "issued" }],
  },
  {
    id: "option",
    section: "III",
    heading: "(A) Share Options (under Share Option Schemes of the Issuer)",
    fields: [
      {
        key: "A.{i}.particulars",
        label:
          "Particulars of share option scheme including EGM approval date (dd/mm/yyyy) and class of shares issuable",
        kind: "text",
        ...inUse,
      },
      { key: "A.{i}.price", label: "Exercise price", kind: "price", ...inUse },
      { key: "A.{i}.egmDate", label: "EGM approval date (dd/mm/yyyy)", kind: "date" },
      { key: "A.{i}.class", label: "Class of shares issuable (Note 1)", kind: "class", ...inUse },
      shareLine("A.{i}.granted", "Granted"),
      shareLine("A.{i}.exercised", "Exercised"),
      shareLine("A.{i}.cancelled", "Cancelled"),
      shareLine("A.{i}.lapsed", "Lapsed"),
      shareLine("A.{i}.issued", NEW_SHARES),
      { key: "A.{i}.mayIssue", label: MAY_ISSUE, kind: "shares", balance: true, ...inUse },
    ],
  },
  totalsUnit("optionTotals", "A", "(A) Share Options (under Share Option Schemes of the Issuer)"),
  {
    id: "funds",
    section: "III",
    heading: "(A) Share Options (under Share Option Schemes of the Issuer)",
    fields: [
      {
        key: "A.funds.{i}.currency",
        label: "Total funds raised during the month from exercise of options (State currency)",
        kind: "currency",
      },
      {
        key: "A.funds.{i}.amount",
        label: "Total funds raised during the month from exercise of options",
        kind: "money",
        balance: true,
        ...inUse,
      },
    ],
  },
  {
    id: "warrant",
    section: "III",
    heading: "(B) Warrants to Issue Shares of the Issuer which are to be Listed",
    fields: [
      { key: "B.{i}.description", label: "Description of warrants", kind: "text", ...inUse },
      { key: "B.{i}.expiry", label: "Date of expiry - dd/mm/yyyy", kind: "date", ...inUse },
      ...instrumentLine("B", {
        currency: "Currency of nominal value",
        preceding: "Nominal value at close of preceding month",
        moved: ["exercised", "Exercised during the month"],
        close: "Nominal value at close of the month",
      }),
    ],
  },
  totalsUnit(
    "warrantTotals",
    "B",
    "(B) Warrants to Issue Shares of the Issuer which are to be Listed"
  ),
  {
    id: "convertible",
    section: "III",
    heading: "(C) Convertibles (i.e. Convertible into Shares of the Issuer which are to be Listed)",
    fields: [
      { key: "C.{i}.description", label: "Class and description", kind: "text", ...inUse },
      ...instrumentLine("C", {
        currency: "Currency of amount outstanding",
        preceding: "Amount at close of preceding month",
        moved: ["converted", "Converted during the month"],
        close: "Amount at close of the month",
      }),
    ],
  },
  totalsUnit(
    "convertibleTotals",
    "C",
    "(C) Convertibles (i.e. Convertible into Shares of the Issuer which are to be Listed)"
  ),
  {
    id: "arrangement",
    section: "III",
    heading:
      "(D) Any other Agreements or Arrangements to Issue Shares of the Issuer, including Options (other than under Share Option Schemes)",
    fields: [
      {
        key: "D.{i}.particulars",
        label:
          "Full particulars including EGM approval date (dd/mm/yyyy), if applicable, and class of shares issuable",
        kind: "text",
        ...inUse,
      },
      { key: "D.{i}.egmDate", label: "EGM approval date (dd/mm/yyyy)", kind: "date" },
      { key: "D.{i}.class", label: "Class of shares issuable (Note 1)", kind: "class", ...inUse },
      shareLine("D.{i}.issued", NEW_SHARES),
      { key: "D.{i}.mayIssue", label: MAY_ISSUE, kind: "shares", balance: true, ...inUse },
    ],
  },
  totalsUnit(
    "arrangementTotals",
    "D",
    "(D) Any other Agreements or Arrangements to Issue Shares of the Issuer, including Options (other than under Share Option Schemes)"
  ),
  {
    id: "eLine",
    section: "III",
    heading: "(E) Other Movements in Issued Share Capital",
    fields: [
      {
        key: "E.{i}.specify",
        label: "Please specify",
        kind: "text",
        when: "repeatable",
        ...inUse,
      },
      {
        key: "E.{i}.price",
        label: "At price : State currency",
        kind: "price",
        when: "hasPrice",
        ...inUse,
      },
      { key: "E.{i}.class", label: "{classLabel}", kind: "class", ...inUse },
      { key: "E.{i}.date", label: "{dateLabel}", kind: "date", ...inUse },
      { key: "E.{i}.egmDate", label: "EGM approval date: (dd/mm/yyyy)", kind: "date" },
      shareLine("E.{i}.issued", NEW_SHARES),
      { key: "E.{i}.mayIssue", label: MAY_ISSUE, kind: "shares", balance: true },
      {
        key: "E.{i}.conversion",
        label: "Conversion between classes (same mark on both lines)",
        kind: "text",
        when: "repeatable",
      },
    ],
  },
  totalsUnit("eTotals", "E", "(E) Other Movements in Issued Share Capital"),
  {
    id: "totals",
    section: "III",
    heading: "Total increase / (decrease) during the month (i.e. Total of A to E)",
    fields: [
      shareLine(
        "AtoE.{c}",
        "Total increase / (decrease) in {noun} during the month (i.e. Total of A to E): {label}"
      ),
    ],
  },
  {
    id: "signature",
    section: "signature",
    heading: "Remarks",
    fields: [
      { key: "sig.remarks", label: "Remarks (if any):", kind: "remark" },
      { key: "sig.submittedBy", label: "Submitted by:", kind: "text", ...always },
      {
        key: "sig.title",
        label: "Title: (Director, Secretary or other duly authorised officer)",
        kind: "text",
        ...always,
      },
    ],
  },
];

/** The 2011 form (`legacy-2011`), as the seed shows it; its later printings are label variants. */
export const legacy2011: FormVersion = {
  id: "legacy-2011",
  name: "2011 form (paper return, as filed until 2021)",
  title: "Monthly Return of Equity Issuer on Movements in Securities",
  footer: "For Main Board and GEM listed issuers",
  verified: true,
  classMode: "slots",
  negatives: "brackets",
  dates: { format: "dd/mm/yyyy", example: "05/12/2011" },
  classes: [
    {
      id: "ord1",
      kind: "ordinary",
      label: "(1)",
      noun: "ordinary shares",
      words: ["ordinary", "ordinary shares", "(1)"],
    },
    { id: "ord2", kind: "ordinary", label: "(2)", noun: "ordinary shares", words: ["(2)"] },
    {
      id: "pref",
      kind: "preference",
      label: "(Preference shares)",
      noun: "preference shares",
      words: ["preference", "preference shares"],
    },
    {
      id: "other",
      kind: "other",
      label: "(Other class)",
      noun: "other classes of shares",
      words: ["other", "other class", "other classes", "other classes of shares"],
    },
  ],
  rows: {
    preceding: "Balance at close of preceding month",
    movement: "Increase/(decrease)",
    close: "Balance at close of the month",
  },
  authColumns: [
    { key: "shares", label: "No. of {noun}", kind: "shares", balance: true, ...inUse },
    { key: "par", label: "Par value (State currency)", kind: "par", ...inUse },
    {
      key: "capital",
      label: "Authorised share capital (State currency)",
      kind: "money",
      balance: true,
      ...inUse,
    },
  ],
  issuedColumns: [
    { key: "shares", label: "No. of {noun} {label}", kind: "shares", balance: true, ...inUse },
  ],
  units,
  eLines,
  classNames: ["auth.{c}.description"],
  headings: {
    to: "To : Hong Kong Exchanges and Clearing Limited",
    I: "I. Movements in Authorised Share Capital",
    "I.ordinary": "1. Ordinary Shares",
    "I.preference": "2. Preference Shares",
    "I.other": "3. Other Classes of Shares",
    II: "II. Movements in Issued Share Capital",
    "II.movement": "Increase/ (decrease) during the month",
    III: "III. Details of Movements in Issued Share Capital",
    "III.A.movement": "Movement during the month",
    "III.funds": "Total funds raised during the month from exercise of options (State currency)",
    "III.E.type": "Type of Issue",
    "III.tieNote":
      '(These figures should be the same as the relevant figures under II above ("Movements in Issued Share Capital").)',
    remarks: "Remarks (if any):",
    submittedBy: "Submitted by:",
    title: "Title:",
    officer: "(Director, Secretary or other duly authorised officer)",
  },
  notes: [
    "1. State the class of shares (e.g. ordinary, preference or other).",
    "2. If there is insufficient space, please append the prescribed continuation sheet.",
  ],
};
