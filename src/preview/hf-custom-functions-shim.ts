// Excel provides `CustomFunctions` as a global in the custom-functions runtime; the preview and the
// tests have no such runtime, so this stand-in gives the functions the same Error and ErrorCode.

/** Excel's error codes for custom functions, spelled as the runtime spells them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** A cell error with a message, shaped as Excel's CustomFunctions.Error (no Error subclass). */
export class CustomFunctionError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}

/** Defines the global `CustomFunctions` where Excel's runtime has not; returns the global in use. */
export function installCustomFunctionsShim(): unknown {
  const scope = globalThis as { CustomFunctions?: unknown };
  scope.CustomFunctions ??= {
    Error: CustomFunctionError,
    ErrorCode,
    associate: () => undefined,
  };
  return scope.CustomFunctions;
}

installCustomFunctionsShim();
