/** The demo region as input-workbook sheets (pure; the writers live in src/workbook). */
import type { InputSheet } from "../workbook/inputWriter";
import { generateDemoRegion, type DemoOptions, type DemoRegion } from "./region";

export const DEMO_WORKBOOK_PATH = "assets/demo/demo-region.xlsx";

export function demoInputSheets(region: DemoRegion): InputSheet[] {
  return region.sheets.map((s) => ({ name: s.name, header: s.header, textColumns: s.textColumns, rows: () => s.rows() }));
}

export function demoSheets(options: DemoOptions = {}): InputSheet[] {
  return demoInputSheets(generateDemoRegion(options));
}
