/** The committed example workbook calls only our functions, each with an allowed number of arguments. */
import ExcelJS from "exceljs";
import * as path from "path";
import ru from "../../src/functions/ru.json";
import type { RussianMap } from "../../scripts/build-functions-ru";

const FILE = path.join(__dirname, "../../assets/templates/functions-example.xlsx");
const REQUIRED: Readonly<Record<string, number>> = { SWI: 3, LOWINDEX: 3, MASSINDEX: 4, HIGHINDEX: 2, BMIN: 2, LEVEL: 2, SCHOOLTYPE: 4, SWIGROUP: 4 };

/** Top-level arguments of the call that starts at `open` (the index of its "("). */
function argumentCount(formula: string, open: number): number {
  let depth = 0;
  let count = 1;
  for (let i = open; i < formula.length; i++) {
    const c = formula[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return count;
    else if (c === "," && depth === 1) count++;
  }
  throw new Error(`unbalanced formula ${formula}`);
}

describe("assets/templates/functions-example.xlsx", () => {
  it("uses every function, each with a valid number of arguments", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FILE);
    const used = new Set<string>();
    const problems: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = (cell.value as { formula?: string } | null)?.formula;
          if (!formula) return;
          for (const m of formula.matchAll(/SHNOR\.(\w+)\(/g)) {
            const id = m[1] as string;
            const params = Object.keys((ru as RussianMap)[id]?.parameters ?? {}).length;
            const n = argumentCount(formula, (m.index ?? 0) + m[0].length - 1);
            used.add(id);
            if (!(id in REQUIRED) || n < (REQUIRED[id] as number) || n > params) problems.push(`${ws.name}!${cell.address}: ${formula}`);
          }
        }),
      ),
    );
    expect(problems).toEqual([]);
    expect([...used].sort()).toEqual(Object.keys(REQUIRED).sort());
  });
});
