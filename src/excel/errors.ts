import { isLimitError } from "../form";
import { HostError, isHostError } from "../plan/host";

/** The OfficeExtension.Error code Excel returns while the user is typing in a cell. */
export const EDIT_MODE_CODE = "InvalidOperationInCellEditMode";

/** What the task pane shows for each kind of failure: plain words for a company secretary. */
export const HOST_MESSAGES: Readonly<Record<HostError["code"], string>> = {
  editMode: "Excel is editing a cell: press Enter or Esc, then try again.",
  protected:
    "Excel refused the change because the workbook or the sheet is protected. " +
    "Unprotect it (Review tab), then try again.",
  tooLarge:
    "This return is too large for Excel to take in one step. " +
    "Try Excel on the desktop, or a return with fewer lines.",
  requirements:
    "This version of Excel lacks a feature the add-in needs. " +
    "Update Office, or use Excel on the web.",
  other: "Excel could not complete this.",
};

const NOT_FOUND =
  "Excel could not find the sheet or the named cell: it may have been renamed or deleted.";

/** A sheet of the chosen name appeared after the add-in chose it (a co-author, say). */
const ALREADY_EXISTS =
  "A sheet of that name appeared while the add-in was working (another person editing?). " +
  "Nothing was changed: try again.";

/** Codes with a message of their own, whatever their kind. */
const PLAIN: ReadonlyMap<string, string> = new Map([
  ["ItemNotFound", NOT_FOUND],
  ["ItemAlreadyExists", ALREADY_EXISTS],
]);

/** Codes that mean a request or response exceeded Excel's limits (5 MB on the web). */
const TOO_LARGE: ReadonlySet<string> = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

/** Codes that mean this Excel does not have an API the add-in called. */
const MISSING_API: ReadonlySet<string> = new Set(["ApiNotFound", "NotImplemented"]);

/** The `code` of an OfficeExtension.Error (compared as a string: it may come from another context). */
export function officeCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** The kind of failure an Office error is. */
export function hostCodeOf(error: unknown): HostError["code"] {
  const code = officeCode(error);
  if (code === EDIT_MODE_CODE) return "editMode";
  if (code !== undefined && TOO_LARGE.has(code)) return "tooLarge";
  if (code !== undefined && MISSING_API.has(code)) return "requirements";
  const message = error instanceof Error ? error.message : "";
  // Excel reports a protected sheet or workbook as AccessDenied, sometimes only in the message
  if (code === "AccessDenied" || (code !== undefined && /\bprotected\b/i.test(message))) {
    return "protected";
  }
  return "other";
}

/**
 * Maps any failure to a HostError with a plain message; the original error is kept in `cause`
 * (its message included, for the log and for support). A HostError passes through unchanged.
 */
export function toHostError(error: unknown): HostError {
  if (isHostError(error)) return error;
  // over the add-in's limits (a sheet's metadata, say): our own words are the clearest
  if (isLimitError(error)) return new HostError(error.message, "tooLarge");
  const code = hostCodeOf(error);
  const plain = PLAIN.get(officeCode(error) ?? "");
  if (plain !== undefined) {
    const host = new HostError(plain, "other");
    host.cause = error;
    return host;
  }
  const detail = error instanceof Error ? error.message.trim() : "";
  // Excel's own words help with the unexpected ones; the known kinds have better words of ours
  const message =
    code === "other" && detail
      ? `${HOST_MESSAGES.other} Excel said: ${detail}`
      : HOST_MESSAGES[code];
  const host = new HostError(message, code);
  host.cause = error;
  return host;
}

/** How often and how long to wait before running an action again after the cell-edit-mode error. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  readonly delayMs: number;
  readonly wait: (ms: number) => Promise<void>;
}

/** Three retries, half a second apart: time to press Enter, short enough not to seem stuck. */
export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  delayMs: 500,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs an action; retries it only on the cell-edit-mode error, at most `retries` times, and
 * reports every failure as a HostError.
 */
export async function withEditModeRetry<T>(
  action: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      // `return await`, not `return`: a returned rejection would skip this catch
      return await action();
    } catch (error) {
      if (officeCode(error) !== EDIT_MODE_CODE || attempt >= policy.retries) {
        throw toHostError(error);
      }
    }
    await policy.wait(policy.delayMs);
  }
}
