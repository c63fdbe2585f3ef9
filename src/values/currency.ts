/**
 * Currencies as data: how returns write them ("US$", "HKD", "RMB 1") mapped to ISO codes.
 * To support another currency or spelling, add a row or an alias; no code changes.
 */

/** An ISO 4217 currency code such as "USD", "HKD" or "CNY". */
export type Currency = string;

/** One currency: ISO code, the form's way of writing it, minor units, and the spellings seen. */
export interface CurrencyInfo {
  readonly code: Currency;
  readonly symbol: string;
  readonly decimals: number;
  readonly aliases: readonly string[];
}

/** Every currency the parser recognises, with the spellings seen on returns (case is ignored). */
export const CURRENCIES: readonly CurrencyInfo[] = [
  {
    code: "HKD",
    symbol: "HK$",
    decimals: 2,
    // "HKS" and "HKI $" are text-extraction garbles of "HK$" (seed, import only)
    aliases: ["HK$", "HKD", "HKD$", "HKS", "HKI$"],
  },
  {
    code: "USD",
    symbol: "US$",
    decimals: 2,
    // "U$$" and "U\$\$" are text-extraction garbles of "US$" (seed, import only)
    aliases: ["US$", "USD$", "USD", "U$$"],
  },
  { code: "CNY", symbol: "RMB", decimals: 2, aliases: ["RMB", "CNY", "RMB¥", "CNY¥"] },
  { code: "CAD", symbol: "C$", decimals: 2, aliases: ["CAD", "C$", "CAD$"] },
  { code: "EUR", symbol: "€", decimals: 2, aliases: ["EUR", "€", "EUR€"] },
  { code: "GBP", symbol: "£", decimals: 2, aliases: ["GBP", "£", "GBP£"] },
  { code: "SGD", symbol: "S$", decimals: 2, aliases: ["SGD", "S$", "SGD$"] },
  { code: "JPY", symbol: "JPY", decimals: 0, aliases: ["JPY", "JP¥", "JPY¥"] },
  { code: "AUD", symbol: "A$", decimals: 2, aliases: ["AUD", "A$", "AUD$"] },
];

const SPACES_AND_ESCAPES = /[\s\\]+/g;

const isOpening = (ch: number): boolean => ch === 40 || ch === 91 || ch === 123; // ( [ {
const isClosing = (ch: number): boolean => ch === 41 || ch === 93 || ch === 125; // ) ] }

// one spelling per key: spaces and backslashes dropped ("US $", "U\$\$"), brackets around it
// dropped ("(US$)"), upper case; the brackets by a loop, as a regex anchored at the end retries
// from every position and costs the square of a long run of ")" (a cell holds 32,767 characters)
function keyOf(text: string): string {
  const t = text.replace(SPACES_AND_ESCAPES, "");
  let from = 0;
  let to = t.length;
  while (from < to && isOpening(t.charCodeAt(from))) from++;
  while (to > from && isClosing(t.charCodeAt(to - 1))) to--;
  return t.slice(from, to).toUpperCase();
}

const BY_ALIAS: ReadonlyMap<string, Currency> = new Map(
  CURRENCIES.flatMap((info) => info.aliases.map((alias) => [keyOf(alias), info.code] as const))
);
const BY_CODE: ReadonlyMap<Currency, CurrencyInfo> = new Map(CURRENCIES.map((i) => [i.code, i]));

/** No spelling of a currency is longer, spaces and brackets included ("( US $ )"). */
export const LONGEST_CURRENCY_TEXT = 24;

/** Returns the ISO code a currency spelling stands for ("(US$)", " usd " -> "USD"), or null. */
export function lookupCurrency(text: string): Currency | null {
  // a long text is no currency: it is not hashed or copied to find that out (cells run to 32,767)
  if (typeof text !== "string" || text.length > LONGEST_CURRENCY_TEXT) return null;
  // exact spellings first: the parser's common case allocates nothing
  return BY_ALIAS.get(text) ?? BY_ALIAS.get(keyOf(text)) ?? null;
}

// the spellings as keyed, grouped by their first character, for matching inside a longer text
const BY_FIRST_CHAR: ReadonlyMap<number, readonly (readonly [string, Currency])[]> = (() => {
  const out = new Map<number, [string, Currency][]>();
  for (const [spelling, code] of BY_ALIAS) {
    const list = out.get(spelling.charCodeAt(0)) ?? [];
    list.push([spelling, code]);
    out.set(spelling.charCodeAt(0), list);
  }
  return out;
})();

/**
 * Returns the ISO code of the currency spelt exactly as the list keys it ("HK$", "USD", "RMB¥")
 * at text[from, to), or null: no trimming, no case folding and no substring built, so the figure
 * parser's fast path pays a comparison or two.
 */
export function currencyAt(text: string, from: number, to: number): Currency | null {
  const candidates = BY_FIRST_CHAR.get(text.charCodeAt(from));
  if (candidates === undefined) return null;
  for (const [spelling, code] of candidates) {
    if (spelling.length === to - from && text.startsWith(spelling, from)) return code;
  }
  return null;
}

/** Returns the way the form writes a currency ("US$", "HK$", "RMB"), or the code when unknown. */
export function currencySymbol(code: Currency): string {
  return BY_CODE.get(code)?.symbol ?? code;
}

/** Returns the currency's minor units (2 for most, 0 for JPY); 2 when the code is unknown. */
export function currencyDecimals(code: Currency): number {
  return BY_CODE.get(code)?.decimals ?? 2;
}

const HEADING_GROUP = /\(([^()]*)\)/g;
const HEADING_WORDS = /[\s:;,]+/;

/** Returns the currency a heading states ("Par value (US$)", "(HK$)", "US$"), or null. */
export function parseCurrencyHeading(text: unknown): Currency | null {
  if (typeof text !== "string") return null;
  // matchAll copies its regex on every call: a heading without a bracket ("HK$") skips it
  if (text.includes("(")) {
    for (const m of text.matchAll(HEADING_GROUP)) {
      const code = lookupCurrency(m[1] ?? "");
      if (code !== null) return code;
    }
  }
  const whole = lookupCurrency(text);
  if (whole !== null) return whole;
  for (const word of text.split(HEADING_WORDS)) {
    const code = word === "" ? null : lookupCurrency(word);
    if (code !== null) return code;
  }
  return null;
}
