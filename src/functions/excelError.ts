/**
 * The one place where a custom function's failure becomes an Excel error. An unhandled exception
 * would show #VALUE! with no message (OFFICE.md), so every function body runs inside `guard`.
 */
import { ArgumentProblem } from "./args";

/** The runtime's `CustomFunctions` global; absent when the source is imported outside Excel. */
function runtime(): typeof CustomFunctions | undefined {
  return typeof CustomFunctions === "undefined" ? undefined : CustomFunctions;
}

/** Turns a thrown value into `CustomFunctions.Error` (#VALUE! or #N/A with a Russian message). */
export function toExcelError(error: unknown): unknown {
  const cf = runtime();
  if (cf === undefined) return error;
  if (error instanceof ArgumentProblem) {
    const code = error.kind === "notAvailable" ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue;
    return new cf.Error(code, error.message);
  }
  // Cannot happen: every rule is total over checked arguments. Say so instead of a bare #VALUE!.
  const detail = error instanceof Error ? error.message : String(error);
  return new cf.Error(cf.ErrorCode.invalidValue, `Внутренняя ошибка надстройки: ${detail}`);
}

/** Runs a function body; any failure leaves as a `CustomFunctions.Error`. */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}
