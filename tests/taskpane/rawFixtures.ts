/** A fixture workbook's raw cell values, read with the same reader the CLI and the standalone pane use. */
import * as fs from "fs";
import type { RawWorkbook } from "../../src/schema";
import { readXlsx } from "../../src/workbook/xlsxReader";

export async function rawFixture(file: string): Promise<RawWorkbook> {
  return readXlsx(fs.readFileSync(file));
}
