// A small tokenizer for the formulas a plan writes: enough of Excel's grammar to count arguments
// and nesting, find array constants, structured references and reference operators, and move
// relative references. Strings ("a""b") and quoted sheet names ('MR 2011-11'!) are kept whole.

/** What a piece of a formula is. */
export type TokenKind =
  | "string"
  | "number"
  | "error"
  | "reference"
  | "name"
  | "function"
  | "sheet"
  | "open"
  | "close"
  | "separator"
  | "operator"
  | "space"
  | "array"
  | "bracket";

/** One piece of a formula, with where it starts. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly at: number;
}

const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)/i;
const NUMBER = /^\d+(?:\.\d*)?(?:E[+-]?\d+)?|^\.\d+(?:E[+-]?\d+)?/i;
/** A cell or range in A1 style, with optional $: "B7", "$R$64", "$R5", "B7:C9". */
const CELL = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![A-Za-z0-9_.(])/i;
const WORD = /^[A-Za-z_\\][A-Za-z0-9_.\\?]*/;
const OPERATOR = /^(?:<>|<=|>=|[-+*/^&=<>%:])/;

/** Splits a formula (with or without its leading "=") into tokens; unknown characters throw. */
export function tokenize(formula: string): Token[] {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  const offset = formula.length - text.length;
  const tokens: Token[] = [];
  let k = 0;
  const push = (kind: TokenKind, length: number): void => {
    tokens.push({ kind, text: text.slice(k, k + length), at: k + offset });
    k += length;
  };
  while (k < text.length) {
    const rest = text.slice(k);
    const ch = rest[0];
    if (ch === '"' || ch === "'") {
      let end = 1;
      for (; end < rest.length; end++) {
        if (rest[end] !== ch) continue;
        if (rest[end + 1] === ch) end++;
        else break;
      }
      if (end >= rest.length) throw new SyntaxError(`Unclosed ${ch} at ${k + offset}`);
      // a quoted sheet name is the prefix of a reference: 'MR 2011-11'!B7
      push(ch === '"' ? "string" : "sheet", end + 1);
      if (ch === "'" && text[k] === "!") push("sheet", 1);
      continue;
    }
    if (/\s/.test(ch)) {
      push("space", /^\s+/.exec(rest)![0].length);
      continue;
    }
    if (ch === "(") push("open", 1);
    else if (ch === ")") push("close", 1);
    else if (ch === "," || ch === ";") push("separator", 1);
    else if (ch === "{" || ch === "}") push("array", 1);
    else if (ch === "[") {
      // a structured reference's brackets nest: Table1[[#This Row],[Amount]]
      let depth = 0;
      let end = 0;
      for (; end < rest.length; end++) {
        if (rest[end] === "[") depth++;
        else if (rest[end] === "]" && --depth === 0) break;
      }
      if (end >= rest.length) throw new SyntaxError(`Unclosed [ at ${k + offset}`);
      push("bracket", end + 1);
    } else if (ch === "]") throw new SyntaxError(`Unopened ] at ${k + offset}`);
    else if (ch === "!") push("sheet", 1);
    else if (ch === "#") {
      const error = ERROR_VALUE.exec(rest);
      if (!error) throw new SyntaxError(`Unknown error value at ${k + offset}`);
      push("error", error[0].length);
    } else if (CELL.test(rest)) push("reference", CELL.exec(rest)![0].length);
    else if (NUMBER.test(rest)) push("number", NUMBER.exec(rest)![0].length);
    else if (WORD.test(rest)) {
      const word = WORD.exec(rest)![0];
      const next = rest[word.length];
      push(next === "(" ? "function" : next === "!" ? "sheet" : "name", word.length);
    } else if (OPERATOR.test(rest)) push("operator", OPERATOR.exec(rest)![0].length);
    else throw new SyntaxError(`Unexpected "${ch}" at ${k + offset}`);
  }
  return tokens;
}

/** Moves a reference's relative rows and columns ("$R64" by 3 rows is "$R67"; "$R$64" stays). */
function moved(reference: string, rows: number, cols: number): string {
  return reference.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/gi, (_, c$, letters: string, r$, row) => {
    const col = [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const newCol = c$ ? col : col + cols;
    const newRow = r$ ? Number(row) : Number(row) + rows;
    if (newCol < 1 || newRow < 1) throw new RangeError(`${reference} moves off the sheet`);
    let out = "";
    for (let n = newCol; n > 0; n = Math.floor((n - 1) / 26))
      out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    return `${c$}${out}${r$}${newRow}`;
  });
}

/**
 * A formula as Excel reads it `rows` below and `cols` right of the cell it was written for: its
 * relative references move, absolute parts and everything else stay (a conditional format's
 * formula at each cell of its range).
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  const head = formula.startsWith("=") ? "=" : "";
  return (
    head +
    tokenize(formula)
      .map((t) => (t.kind === "reference" ? moved(t.text, rows, cols) : t.text))
      .join("")
  );
}
