/**
 * A stand-in for the `CustomFunctions` global of Excel's runtime: enough for the functions to
 * report errors (`Error`, `ErrorCode`) and for a bundle to register itself (`associate`).
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StubExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export type Associations = Map<string, (...args: unknown[]) => unknown>;

export function makeCustomFunctionsStub(associations: Associations = new Map()) {
  return {
    Error: StubExcelError,
    ErrorCode,
    associate(id: string, fn: (...args: unknown[]) => unknown): void {
      associations.set(id, fn);
    },
  };
}

/** Installs the stub as the global the functions look for; returns a function that removes it. */
export function installCustomFunctionsStub(): () => void {
  const g = globalThis as Record<string, unknown>;
  const previous = g["CustomFunctions"];
  g["CustomFunctions"] = makeCustomFunctionsStub();
  return () => {
    g["CustomFunctions"] = previous;
  };
}

/** The error a function call threw, as Excel would show it: code and message. */
export function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    if (e instanceof Error && "code" in e) return { code: String((e as { code: unknown }).code), message: e.message };
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected the call to fail");
}
