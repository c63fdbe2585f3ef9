import {
  CURRENCIES,
  currencyDecimals,
  currencySymbol,
  lookupCurrency,
} from "../../src/values/currency";

describe("currency spellings", () => {
  test.each([
    ["US$", "USD"],
    ["USD$", "USD"],
    ["USD", "USD"],
    ["US $", "USD"],
    ["U$$", "USD"],
    ["U\\$\\$", "USD"],
    ["(US$)", "USD"],
    ["usd", "USD"],
    ["  US$  ", "USD"],
    ["HK$", "HKD"],
    ["HKD", "HKD"],
    ["HKD$", "HKD"],
    ["HKS", "HKD"],
    ["(HKS)", "HKD"],
    ["HKI $", "HKD"],
    ["hk$", "HKD"],
    ["RMB", "CNY"],
    ["CNY", "CNY"],
    ["RMB¥", "CNY"],
    ["CAD", "CAD"],
    ["C$", "CAD"],
    ["€", "EUR"],
    ["EUR", "EUR"],
    ["£", "GBP"],
    ["GBP", "GBP"],
    ["S$", "SGD"],
    ["SGD", "SGD"],
    ["JPY", "JPY"],
    ["A$", "AUD"],
    ["AUD", "AUD"],
  ])("reads %p as %s", (text, code) => {
    expect(lookupCurrency(text)).toBe(code);
  });

  test.each(["$", "¥", "State currency", "", "dollars", "HK"])("does not guess at %p", (text) => {
    expect(lookupCurrency(text)).toBeNull();
  });

  test.each([
    ["USD", "US$", 2],
    ["HKD", "HK$", 2],
    ["CNY", "RMB", 2],
    ["JPY", "JPY", 0],
    ["XYZ", "XYZ", 2],
  ])("writes %s as %s with %i decimals", (code, symbol, decimals) => {
    expect(currencySymbol(code)).toBe(symbol);
    expect(currencyDecimals(code)).toBe(decimals);
  });

  test("every code is unique and every alias reads back as its own currency", () => {
    const codes = CURRENCIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const info of CURRENCIES) {
      expect(lookupCurrency(info.code)).toBe(info.code);
      expect(lookupCurrency(info.symbol)).toBe(info.code);
      for (const alias of info.aliases) expect(lookupCurrency(alias)).toBe(info.code);
    }
  });
});
