import type {
  Direction,
  ELineType,
  FieldTemplate,
  FormVersion,
  UnitDef,
  UnitId,
  ValueKind,
} from "./types";

// The current HKEX e-form FF301 (form-spec-ff301.md), in three versions: `ff301-1.0` (before
// treasury shares), `ff301-treasury` (from 11 June 2024) and `ff301-1.2` (with the public float
// sufficiency confirmation, the default). Wording is as printed where seen; a label, line type or
// cell inferred and not seen on a filed form carries `verified: false`, so that a return that
// shows it otherwise is corrected here, in data.

/** What tells the three versions apart: each a data switch, read only while building the data. */
interface Variant {
  readonly id: string;
  readonly name: string;
  /** Section II has the three columns and Part III the (X1)/(X2) columns and subtotals. */
  readonly treasury: boolean;
  /** Section II ends with the public float sufficiency confirmation per class. */
  readonly float: boolean;
  /** The class header's labels as the version prints them, in print order (form-spec-ff301.md). */
  readonly header: ClassHeaderLabels;
}

/**
 * A class block's header labels. The values keep their places whatever the labels: the first
 * cell takes the class ("Ordinary shares"), the second its type ("Not applicable", "A").
 */
interface ClassHeaderLabels {
  readonly first: string;
  readonly second: string;
  readonly listed: string;
  /** Whether the listing label was seen on a filed return of the version ([V]) or inferred. */
  readonly listedSeen: boolean;
  readonly stockCode: string;
}

// v1.2 and the treasury-era version print "Class of shares", "Type of shares", "Listed on the
// Exchange (Note 1)" [V]; v1.0.2, the last printing of ff301-1.0, prints "Class of shares" first
// too (v1.0.1 printed "Type of shares" first), beside v1.0.1's "Listed on SEHK (Note 1)" [M on v1.0.2]
const HEADER_SINCE_TREASURY: ClassHeaderLabels = {
  first: "Class of shares",
  second: "Type of shares",
  listed: "Listed on the Exchange (Note 1)",
  listedSeen: true,
  stockCode: "Stock code (if listed)",
};
const HEADER_V10: ClassHeaderLabels = {
  first: "Class of shares",
  second: "Type of shares",
  listed: "Listed on SEHK (Note 1)",
  listedSeen: false,
  stockCode: "Stock code",
};

const VARIANTS = {
  v10: {
    id: "ff301-1.0",
    name: "FF301 v1.0 (2021 to 10 June 2024, before treasury shares)",
    treasury: false,
    float: false,
    header: HEADER_V10,
  },
  treasury: {
    id: "ff301-treasury",
    name: "FF301 with treasury shares (months ended from 30 June 2024)",
    treasury: true,
    float: false,
    header: HEADER_SINCE_TREASURY,
  },
  v12: {
    id: "ff301-1.2",
    name: "FF301 v1.2, current (with the public float confirmation)",
    treasury: true,
    float: true,
    header: HEADER_SINCE_TREASURY,
  },
} as const satisfies Record<string, Variant>;

const YES_NO = ["Yes", "No"] as const;
const TICK = ["✓"] as const;
const inferred = { verified: false } as const;
// What a filed return states (Requirement): the header and signature always; a class block's
// balances and a line's particulars, class, price, date and balances where it is in use.
const always = { required: "always" } as const;
const inUse = { required: "inUse" } as const;

const cell = (
  key: string,
  label: string,
  kind: ValueKind,
  more: Partial<FieldTemplate> = {}
): FieldTemplate => ({ key, label, kind, ...more });

const GM_DATE = "General Meeting approval date (if applicable)";
const CLASS_ISSUABLE = "Class of shares issuable";

/** The share columns that close every line of Part III, with the part's letter. */
function shareColumns(v: Variant, part: string): FieldTemplate[] {
  if (!v.treasury) {
    return [
      cell(
        `${part}.{i}.issued`,
        `No. of new shares of issuer issued during the month pursuant thereto (${part})`,
        "shares",
        part === "C" || part === "D" || part === "E" ? {} : inferred
      ),
      cell(
        `${part}.{i}.mayIssue`,
        "No. of new shares of issuer which may be issued pursuant thereto as at close of the month",
        "shares",
        { balance: true, ...(part === "E" ? {} : inUse) }
      ),
    ];
  }
  const seen = part === "C" ? {} : inferred; // (C) was seen whole; the others follow its pattern
  return [
    cell(
      `${part}.{i}.issued`,
      `Number of new shares issued during the month pursuant thereto (${part}1)`,
      "shares",
      seen
    ),
    part === "E"
      ? // (E2) is the line's change in treasury shares, signed by its type (repurchases into
        // treasury increase it); its wording was not seen
        cell(
          "E.{i}.treasury",
          "Increase/ decrease (-) in treasury shares during the month pursuant thereto (E2)",
          "shares",
          inferred
        )
      : // (A2) to (D2) are decreases whatever sign is written
        cell(
          `${part}.{i}.treasury`,
          `Number of treasury shares transferred out of treasury during the month pursuant thereto (${part}2)`,
          "shares",
          { ...seen, magnitude: true }
        ),
    cell(
      `${part}.{i}.mayIssue`,
      "Number of shares which may be issued or transferred out of treasury pursuant thereto as at close of the month",
      "shares",
      // an (E) line's event issues no further shares: nothing to state there
      { ...seen, balance: true, ...(part === "E" ? {} : inUse) }
    ),
  ];
}

/** Each part's totals per class: "Total A (class)" (1.0), or the AA1 and AA2 subtotals. */
function totalsUnit(v: Variant, id: UnitId, part: string, heading: string): UnitDef {
  const seen = part === "C" ? {} : inferred;
  const fields = v.treasury
    ? [
        cell(
          `${part}.total.{c}`,
          `Increase in issued shares (excluding treasury shares): class {label} (${part}${part}1)`,
          "shares",
          seen
        ),
        cell(
          `${part}.treasury.{c}`,
          part === "E"
            ? `Increase/ decrease (-) in treasury shares: class {label} (${part}${part}2)`
            : `Decrease in treasury shares: class {label} (${part}${part}2)`,
          "shares",
          // "Decrease in treasury shares": a decrease whatever sign is written, as (A2) to (D2)
          part === "E" ? inferred : { ...seen, magnitude: true }
        ),
      ]
    : [cell(`${part}.total.{c}`, `Total ${part} (class {label})`, "shares", seen)];
  return { id, section: "III", heading, fields };
}

/** Part headings: the 1.0 wording, and the treasury layout's where it differs. */
function partHeadings(v: Variant): Record<"A" | "B" | "C" | "D" | "E", string> {
  return {
    A: "(A). Share Options (under Share Option Schemes of the Issuer)",
    B: v.treasury
      ? "(B). Warrants to Issue Shares of the Issuer"
      : "(B). Warrants to Issue Shares of the Issuer which are to be Listed",
    C: v.treasury
      ? "(C). Convertibles (i.e. Convertible into Shares of the Issuer)"
      : "(C). Convertibles (i.e. Convertible into Issue Shares of the Issuer which are to be Listed)",
    D: v.treasury
      ? "(D). Any other Agreements or Arrangements to Issue Shares of the Issuer, including Options (other than Share Option Schemes)"
      : "(D). Any other Agreements or Arrangements to Issue Shares of the Issuer which are to be listed, including Options (other than Share Options Schemes)",
    E: v.treasury
      ? "(E). Other Movements in Issued Shares and/or Treasury Shares"
      : "(E). Other Movements in Issued Share",
  };
}

type ELineRow = readonly [
  key: string,
  label: string,
  direction: Direction,
  treasury: Direction,
  hasPrice: boolean,
  classLabel: string,
  verified: boolean,
];

/**
 * The "Type of Issue" lines of (E): the 2011 form's ten ("Repurchase of shares" and "Other
 * (Please specify)" seen on FF301, the rest inferred) and, with treasury shares, the four of
 * Listing Rule 13.25A (inferred). Each moves the issued shares (X1) and the treasury shares (X2).
 */
function eLines(v: Variant): ELineType[] {
  const rows: ELineRow[] = [
    ["rights", "Rights issue", "increase", "either", true, CLASS_ISSUABLE, false],
    ["openOffer", "Open offer", "increase", "either", true, CLASS_ISSUABLE, false],
    ["placing", "Placing", "increase", "either", true, CLASS_ISSUABLE, false],
    ["bonus", "Bonus issue", "increase", "either", false, CLASS_ISSUABLE, false],
    ["scrip", "Scrip dividend", "increase", "either", true, CLASS_ISSUABLE, false],
    [
      "repurchase",
      "Repurchase of shares",
      "decrease",
      "either",
      true,
      "Class of shares repurchased",
      true,
    ],
    [
      "redemption",
      "Redemption of shares",
      "decrease",
      "either",
      true,
      "Class of shares redeemed",
      false,
    ],
    ["consideration", "Consideration issue", "increase", "either", true, CLASS_ISSUABLE, false],
    [
      "reorganisation",
      "Capital reorganisation",
      "either",
      "either",
      false,
      "Class of shares",
      false,
    ],
  ];
  if (v.treasury) {
    rows.push(
      [
        "repurchaseTreasury",
        "Repurchase of shares held as treasury shares",
        "decrease",
        "increase",
        true,
        "Class of shares repurchased",
        false,
      ],
      [
        "treasuryTransfer",
        "Sale or transfer of treasury shares",
        "increase",
        "decrease",
        true,
        "Class of treasury shares",
        false,
      ],
      [
        "cancelRepurchased",
        "Cancellation of repurchased shares",
        "decrease",
        "either",
        false,
        "Class of shares cancelled",
        false,
      ],
      [
        "cancelTreasury",
        "Cancellation of treasury shares",
        "decrease",
        "decrease",
        false,
        "Class of treasury shares",
        false,
      ]
    );
  }
  rows.push(["other", "Other (Please specify)", "either", "either", true, CLASS_ISSUABLE, true]);
  return rows.map(([key, label, direction, treasury, hasPrice, classLabel, verified], k) => ({
    key,
    number: k + 1,
    label,
    direction,
    treasury,
    hasPrice,
    classLabel,
    // Note 2: the date of event is the cancellation date, or the date of a treasury repurchase
    dateLabel: v.treasury ? "Date of event (Note 2)" : "Issue and allotment date",
    repeatable: key === "other",
    reorganisation: key === "reorganisation",
    verified,
  }));
}

/** The block header of a class, repeated for every class in Sections I and II. */
function classHeader(v: Variant): FieldTemplate[] {
  const { header } = v;
  return [
    cell("auth.{c}.className", header.first, "text"),
    cell("auth.{c}.type", header.second, "text"),
    cell(
      "auth.{c}.listed",
      header.listed,
      "text",
      header.listedSeen ? { choices: YES_NO } : { choices: YES_NO, verified: false }
    ),
    cell("auth.{c}.stockCode", header.stockCode, "text"),
    cell("auth.{c}.description", "Description", "text"),
    cell("auth.{c}.multiCode", "Multi-counter stock code", "text"),
    cell("auth.{c}.multiDescription", "Description", "text"),
  ];
}

/** Section II's per-class cells besides its table: Note 3, and the float confirmation (1.2). */
function issuedExtras(v: Variant): FieldTemplate[] {
  if (!v.treasury) return [];
  const out: FieldTemplate[] = [
    // where the Note 3 figure sits was not seen: one optional cell per class, in no total
    cell(
      "issued.{c}.pending",
      "Number of shares repurchased or redeemed pending cancellation as at close of the month (Note 3)",
      "shares",
      inferred
    ),
  ];
  if (v.float) {
    out.push(
      cell(
        "issued.{c}.float.complied",
        "the applicable public float requirement (see below) has been complied with",
        "tick",
        { choices: TICK }
      ),
      cell(
        "issued.{c}.float.notComplied",
        "the applicable public float requirement (see below) has not been complied with",
        "tick",
        { choices: TICK, verified: false }
      ),
      cell("issued.{c}.float.threshold", "Applicable public float threshold", "text", {
        // the one choice seen; the others of Main Board Rule 13.32B are to be added when seen
        choices: [
          "Initial Prescribed Threshold - 25% of the total number of issued shares in the class to which the listed shares belong (excluding treasury shares)",
        ],
      }),
      cell("issued.{c}.float.info", "Additional information", "text", { monthly: true })
    );
  }
  return out;
}

function units(v: Variant): UnitDef[] {
  const heads = partHeadings(v);
  return [
    {
      id: "header",
      section: "header",
      heading: "Monthly Return",
      fields: [
        cell("hdr.monthEnded", "For the month ended:", "date", always),
        // the wording for a revision was not seen: a revised return's title ends "(Revised)"
        cell("hdr.status", "Status:", "text", {
          choices: ["New Submission", "Revised"],
          ...always,
        }),
        cell("hdr.issuer", "Name of Issuer:", "text", always),
        cell("hdr.submitted", "Date Submitted:", "date", always),
        cell(
          "hdr.registered",
          "Section I states registered capital (PRC issuer): Yes or No",
          "text",
          { choices: YES_NO }
        ),
      ],
    },
    {
      id: "authClass",
      section: "I",
      heading: "I. Movements in Authorised / Registered Share Capital",
      fields: [...classHeader(v), cell("auth.{c}.{row}.{col}", "", "shares", { grid: "auth" })],
    },
    {
      id: "authTotal",
      section: "I",
      heading: "I. Movements in Authorised / Registered Share Capital",
      fields: [
        cell(
          "auth.total",
          "Total authorised/registered share capital at the end of the month:",
          "moneyList"
        ),
      ],
    },
    {
      id: "issuedClass",
      section: "II",
      heading: sectionTwo(v),
      fields: [
        cell("issued.{c}.{row}.{col}", "", "shares", { grid: "issued" }),
        ...issuedExtras(v),
      ],
    },
    {
      id: "option",
      section: "III",
      heading: heads.A,
      fields: [
        cell("A.{i}.particulars", "Particulars of share option scheme", "text", {
          ...inferred,
          ...inUse,
        }),
        cell("A.{i}.class", CLASS_ISSUABLE, "class", { ...inferred, ...inUse }),
        cell("A.{i}.price", "Exercise price", "price", { ...inferred, ...inUse }),
        cell("A.{i}.egmDate", GM_DATE, "date", inferred),
        cell(
          "A.{i}.preceding",
          "Number of share options outstanding at close of preceding month",
          "shares",
          { balance: true, verified: false, ...inUse }
        ),
        // "Movement during the month": typed lines, decreases printed "-"; each counts by its type
        cell("A.{i}.granted", "Granted", "shares", { magnitude: true }),
        cell("A.{i}.exercised", "Exercised", "shares", { magnitude: true }),
        cell("A.{i}.cancelled", "Cancelled", "shares", { magnitude: true }),
        cell("A.{i}.lapsed", "Lapsed", "shares", { magnitude: true }),
        cell("A.{i}.close", "Number of share options outstanding at close of the month", "shares", {
          balance: true,
          verified: false,
          ...inUse,
        }),
        ...shareColumns(v, "A"),
      ],
    },
    totalsUnit(v, "optionTotals", "A", heads.A),
    {
      id: "funds",
      section: "III",
      heading: heads.A,
      fields: [
        cell(
          "A.funds.{i}.currency",
          "Total funds raised during the month from exercise of options: currency",
          "currency"
        ),
        cell(
          "A.funds.{i}.amount",
          "Total funds raised during the month from exercise of options:",
          "money",
          { balance: true, ...inUse }
        ),
      ],
    },
    {
      id: "warrant",
      section: "III",
      heading: heads.B,
      // (B) was not seen: its columns follow (C) and the 2011 form
      fields: [
        cell("B.{i}.description", "Description of warrants (Date of expiry)", "text", {
          ...inferred,
          ...inUse,
        }),
        cell("B.{i}.expiry", "Date of expiry", "date", { ...inferred, ...inUse }),
        cell("B.{i}.currency", "Currency", "currency", { ...inferred, ...inUse }),
        cell("B.{i}.preceding", "Nominal value at close of preceding month", "money", {
          balance: true,
          verified: false,
          ...inUse,
        }),
        cell("B.{i}.exercised", "Exercised", "money", { magnitude: true, verified: false }),
        cell("B.{i}.close", "Nominal value at close of the month", "money", {
          balance: true,
          verified: false,
          ...inUse,
        }),
        ...shareColumns(v, "B"),
        cell(
          "B.{i}.stockCode",
          "Stock code (if listed on the Exchange) (Note 1)",
          "text",
          inferred
        ),
        cell("B.{i}.class", CLASS_ISSUABLE, "class", { ...inferred, ...inUse }),
        cell("B.{i}.price", "Subscription price", "price", { ...inferred, ...inUse }),
        cell("B.{i}.egmDate", GM_DATE, "date", inferred),
      ],
    },
    totalsUnit(v, "warrantTotals", "B", heads.B),
    {
      id: "convertible",
      section: "III",
      heading: heads.C,
      fields: [
        cell("C.{i}.description", "Description of the Convertibles", "text", inUse),
        cell("C.{i}.type", "Type of the Convertibles", "text", {
          choices: ["Bond/Notes", "Preference Shares", "Others (Please specify)"],
        }),
        cell("C.{i}.currency", "Currency", "currency", inUse),
        cell("C.{i}.preceding", "Amount at close of preceding month", "money", {
          balance: true,
          ...inUse,
        }),
        // "Movement during the month", typed: "Issued" seen, "Converted" seen in 1.0, "Redeemed" not
        cell("C.{i}.newIssue", "Issued", "money", { magnitude: true }),
        cell("C.{i}.converted", "Converted", "money", { magnitude: true }),
        cell("C.{i}.redeemed", "Redeemed", "money", { magnitude: true, verified: false }),
        cell("C.{i}.close", "Amount at close of the month", "money", { balance: true, ...inUse }),
        ...shareColumns(v, "C"),
        cell(
          "C.{i}.stockCode",
          "Stock code of the Convertibles (if listed on the Exchange) (Note 1)",
          "text"
        ),
        cell("C.{i}.class", CLASS_ISSUABLE, "class", { ...inferred, ...inUse }),
        cell("C.{i}.price", "Subscription/Conversion price", "price", inUse),
        cell("C.{i}.egmDate", GM_DATE, "date"),
      ],
    },
    totalsUnit(v, "convertibleTotals", "C", heads.C),
    {
      id: "arrangement",
      section: "III",
      heading: heads.D,
      fields: [
        cell("D.{i}.particulars", "Description", "text", inUse),
        cell("D.{i}.egmDate", GM_DATE, "date"),
        cell("D.{i}.class", CLASS_ISSUABLE, "class", { ...inferred, ...inUse }),
        ...shareColumns(v, "D"),
      ],
    },
    totalsUnit(v, "arrangementTotals", "D", heads.D),
    {
      id: "eLine",
      section: "III",
      heading: heads.E,
      fields: [
        cell("E.{i}.specify", "Please specify", "text", { when: "repeatable", ...inUse }),
        // "(if applicable)": a price the form does not ask of every line
        cell("E.{i}.price", "At price (if applicable)", "price", { when: "hasPrice" }),
        cell("E.{i}.class", "{classLabel}", "class", { ...inferred, ...inUse }),
        cell("E.{i}.date", "{dateLabel}", "date", v.treasury ? { ...inferred, ...inUse } : inUse),
        cell("E.{i}.egmDate", GM_DATE, "date"),
        ...shareColumns(v, "E"),
        cell("E.{i}.conversion", "Conversion between classes (same mark on both lines)", "text", {
          when: "repeatable",
        }),
      ],
    },
    totalsUnit(v, "eTotals", "E", heads.E),
    {
      id: "totals",
      section: "III",
      heading: v.treasury ? "Total of AA1 to EE1; Total of AA2 to EE2" : "Total of A to E",
      fields: v.treasury
        ? [
            cell(
              "AtoE.{c}",
              "Total increase/ decrease (-) in issued shares (excluding treasury shares) during the month (i.e. Total of AA1 to EE1): class {label}",
              "shares"
            ),
            cell(
              "AtoE.treasury.{c}",
              "Total increase/ decrease (-) in treasury shares during the month (i.e. Total of AA2 to EE2): class {label}",
              "shares"
            ),
          ]
        : [
            cell(
              "AtoE.{c}",
              "Total increase / decrease (-) in class {label} during the month (i.e. Total of A to E)",
              "shares"
            ),
          ],
    },
    {
      id: "hdrInfo",
      section: "IV",
      heading: "IV. Information about Hong Kong Depositary Receipt (HDR)",
      // its fields were not seen: one free block, "Not applicable" for issuers without HDRs
      fields: [
        cell("IV.info", "Information about Hong Kong Depositary Receipt (HDR)", "text", inferred),
      ],
    },
    {
      id: "confirmations",
      section: "V",
      heading: "V. Confirmations",
      fields: [cell("V.confirmations", "Confirmations", "text")],
    },
    {
      id: "signature",
      section: "signature",
      heading: "Submitted by",
      fields: [
        cell("sig.remarks", "Remarks (if any):", "remark", inferred),
        cell("sig.submittedBy", "Submitted by:", "text", always),
        cell("sig.title", "Title:", "text", always),
      ],
    },
  ];
}

function sectionTwo(v: Variant): string {
  if (!v.treasury) return "II. Movements in Issued Shares";
  return v.float
    ? "II. Movements in Issued Shares and/or Treasury Shares and Public Float Sufficiency Confirmation"
    : "II. Movements in Issued Shares and/or Treasury Shares";
}

const ISSUED_COLUMNS: Readonly<Record<"plain" | "treasury", FieldTemplate[]>> = {
  plain: [
    cell("shares", "Number of issued shares", "shares", {
      balance: true,
      verified: false,
      ...inUse,
    }),
  ],
  treasury: [
    cell("excl", "Number of issued shares (excluding treasury shares)", "shares", {
      balance: true,
      ...inUse,
    }),
    cell("treasury", "Number of treasury shares", "shares", { balance: true, ...inUse }),
    // keyed "shares", as the 2011 form's one column: the total the other rules compare
    cell("shares", "Total number of issued shares", "shares", { balance: true, ...inUse }),
  ],
};

const CONFIRMATION =
  "Pursuant to Main Board Rule 13.25C / GEM Rule 17.27C, we hereby confirm to the best knowledge, information and belief that, in relation to each of the securities issued, or the treasury shares sold or transferred by the issuer during the month ... it has been duly authorised by the board of directors ... and, insofar as applicable: (Note 5)";

/** The confirmation items (i) to (viii), summarised (form-spec-ff301.md gives no full wording). */
const CONFIRMATION_ITEMS = [
  "(i) all money due to the listed issuer in respect of the issue of securities has been received by it (summary)",
  "(ii) all pre-conditions for listing imposed by the Listing Rules under Qualifications of listing have been fulfilled (summary)",
  "(iii) all (if any) conditions contained in the formal letter granting listing of and permission to deal in the securities have been fulfilled (summary)",
  "(iv) all the securities of each class are in all respects identical (Note 6) (summary)",
  "(v) all documents required by the Companies (Winding Up and Miscellaneous Provisions) Ordinance to be filed have been duly filed (summary)",
  "(vi) all the definitive documents of title have been delivered, are ready to be delivered or are being prepared (summary)",
  "(vii) completion has taken place of the purchase by the issuer of all property shown in the listing document to have been purchased, and the purchase consideration has been paid (summary)",
  "(viii) the trust deed or deed poll relating to any debenture, loan stock, note or bond has been made and executed, and particulars of it filed (summary)",
];

function notes(v: Variant): string[] {
  const exchange = "1. The Exchange refers to The Stock Exchange of Hong Kong Limited.";
  if (!v.treasury) {
    return [
      exchange,
      "2. Items (i) to (viii) of the confirmations are suggested forms and may be amended.",
    ];
  }
  const out = [
    exchange,
    '2. "Date of event": the cancellation date for shares repurchased (or redeemed) and cancelled; the date on which shares were repurchased and held by the issuer in treasury, for treasury repurchases.',
    "3. Please state the number of shares repurchased or redeemed during the month or in preceding month(s) but pending cancellation as at close of the month as a negative number.",
  ];
  if (v.float) {
    out.push(
      "4. Public float terms as defined in Main Board Rule 13.32A / 19A.28A, GEM Rule 17.37A / 25.21A.",
      "5. Items (i) to (viii) are suggested forms, may be amended, and are not needed where a return under Main Board Rule 13.25A / GEM Rule 17.27A made them.",
      '6. "Identical": same nominal value and amount paid up; same dividend or interest rate and period; same rights to transfer, attend and vote; ranking pari passu.'
    );
  }
  return out;
}

function ff301(v: Variant, versionLabel: string): FormVersion {
  return {
    id: v.id,
    name: v.name,
    title:
      "Monthly Return for Equity Issuer and Hong Kong Depositary Receipts listed under Chapter 19B of the Exchange Listing Rules on Movements in Securities",
    footer: `FF301 ${versionLabel}`,
    verified: false,
    classMode: "blocks",
    // FF301 writes a decrease with a leading minus ("-1,000")
    negatives: "minus",
    dates: { format: "dd mmmm yyyy", example: "30 June 2026" },
    classes: [
      {
        id: "c",
        kind: "ordinary",
        label: "(n)",
        noun: "shares",
        words: ["ordinary", "ordinary shares"],
      },
    ],
    rows: {
      preceding: "Balance at close of preceding month",
      movement: "Increase / decrease (-)",
      close: "Balance at close of the month",
    },
    authColumns: [
      cell("shares", "Number of authorised/registered shares", "shares", {
        balance: true,
        ...inUse,
      }),
      cell("par", "Par value", "par", inUse),
      cell("capital", "Authorised/registered share capital", "money", { balance: true, ...inUse }),
    ],
    issuedColumns: v.treasury ? ISSUED_COLUMNS.treasury : ISSUED_COLUMNS.plain,
    units: units(v),
    eLines: eLines(v),
    // a line's class cell names a class by its description, stock code, type or class value
    classNames: [
      "auth.{c}.description",
      "auth.{c}.stockCode",
      "auth.{c}.type",
      "auth.{c}.className",
    ],
    headings: {
      to: "To : Hong Kong Exchanges and Clearing Limited",
      I: "I. Movements in Authorised / Registered Share Capital",
      II: sectionTwo(v),
      "II.movement": "Increase / decrease (-)",
      III: v.treasury
        ? "III. Details of Movements in Issued Shares and/or Treasury Shares"
        : "III. Details of Movements in Issued Shares",
      "III.A.movement": "Movement during the month",
      "III.funds": "Total funds raised during the month from exercise of options:",
      "III.E.type": "Type of Issue",
      IV: "IV. Information about Hong Kong Depositary Receipt (HDR)",
      "IV.default": "Not applicable",
      V: "V. Confirmations",
      "V.statement": CONFIRMATION,
      "V.items": CONFIRMATION_ITEMS.join("\n"),
      ...(v.float
        ? {
            "float.heading": "Public float sufficiency confirmation (Note 4)",
            "float.statement":
              "Pursuant to Main Board Rule 13.32D(1) or 19A.28D(1) / GEM Rule 17.37D(1) or 25.21D(1), we hereby confirm that, in relation to the class of shares as set out above, as at the close of the month:",
            "float.requirement":
              "The applicable minimum public float requirement for the class of shares ... pursuant to Main Board Rule 13.32B or 19A.28B / GEM Rule 17.37B or 25.21B (as the case may be) is:",
          }
        : {}),
      remarks: "Remarks (if any):",
      submittedBy: "Submitted by:",
      title: "Title:",
      officer: "(Director, Secretary or other Duly Authorised Officer)",
    },
    notes: notes(v),
  };
}

/** FF301 before treasury shares (2021 to 10 June 2024). */
export const ff301v10: FormVersion = ff301(VARIANTS.v10, "v 1.0.2");
/** FF301 with treasury shares (months ended from 30 June 2024). */
export const ff301Treasury: FormVersion = ff301(VARIANTS.treasury, "v 1.1.x");
/** FF301 with the public float sufficiency confirmation: what issuers file today. */
export const ff301v12: FormVersion = ff301(VARIANTS.v12, "v 1.2.0");
