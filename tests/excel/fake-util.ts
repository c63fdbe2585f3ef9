/** Small pieces the fake's objects share: Office-like errors and address helpers. */

/** An error as Office.js throws it: an Error with a string `code`. */
export const officeError = (code: string, message = `${code} (from the fake)`): Error =>
  Object.assign(new Error(message), { name: "RichApi.Error", code });

/** The key of a cell in SheetState.cells. */
export const key = (row: number, col: number): string => `${row},${col}`;
/** A sheet name quoted as in a formula. */
export const quote = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;
/** "B7:C9" as "$B$7:$C$9". */
export const absolute = (address: string): string =>
  address
    .split(":")
    .map((c) => c.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");

/** The error Office.js gives for a property read before load() and sync(). */
export const notLoaded = (what: string): Error =>
  officeError("PropertyNotLoaded", `${what} was read before load() and sync()`);
