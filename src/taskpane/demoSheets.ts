/**
 * The demo region offered by «Вставить шаблон»: a smaller region than the CLI's demo workbook
 * (120 schools in 8 municipalities, about 75,000 score rows), so that writing it into Excel takes
 * seconds rather than minutes. Same seeded generator, so the same every time.
 */
import { demoSheets } from "../demo/workbook";
import type { InputSheet } from "../workbook/inputWriter";

export const PANE_DEMO_OPTIONS = { schools: 120, municipalities: 8 } as const;

export function paneDemoSheets(): InputSheet[] {
  return demoSheets(PANE_DEMO_OPTIONS);
}
