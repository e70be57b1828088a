/**
 * Which number formats show a number as a date or time: Excel's built-in date and time formats
 * (ids 14–22 and 45–47) and custom format codes with a day, month, year or hour placeholder
 * outside quoted text, brackets ([Red], [$-419]) and escaped characters. A cell with such a format
 * holds an Excel date serial (45 717 is 01.03.2025), which in a count column is a typing mistake.
 */

/** Built-in number format ids that show dates or times (ECMA-376 §18.8.30). */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

/**
 * Whether a custom format code shows a date or time: any of d, m, y, h (either case) outside
 * "quoted text", [brackets], and characters escaped with \ or taken by _ (space) and * (fill).
 * Only the first section counts when it is not empty (positive numbers and the general case).
 */
export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    switch (c) {
      case 34 /* " */: {
        const end = code.indexOf('"', i + 1);
        if (end < 0) return false;
        i = end;
        break;
      }
      case 91 /* [ */: {
        const end = code.indexOf("]", i + 1);
        if (end < 0) return false;
        // [h], [mm], [ss]: elapsed time.
        if (/^\[(h+|m+|s+)\]$/i.test(code.slice(i, end + 1))) return true;
        i = end;
        break;
      }
      case 92 /* \ */:
      case 95 /* _ */:
      case 42 /* * */:
        i++;
        break;
      case 59 /* ; */:
        return false;
      case 100 /* d */:
      case 68 /* D */:
      case 109 /* m */:
      case 77 /* M */:
      case 121 /* y */:
      case 89 /* Y */:
      case 104 /* h */:
      case 72 /* H */:
        return true;
      default:
        break;
    }
  }
  return false;
}

/**
 * Excel serial → «01.03.2025» (with «12:30» when it has a time of day; a time alone when the
 * day is 0). `date1904`: the workbook counts from 1904-01-01. Pure arithmetic, no `Date`.
 */
export function formatExcelDate(serial: number, date1904 = false): string {
  if (!Number.isFinite(serial) || serial < 0) return String(serial);
  let day = Math.floor(serial);
  const minutes = Math.round((serial - day) * 24 * 60);
  const time = minutes === 0 ? "" : `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  if (day === 0 && !date1904) return time === "" ? "00.01.1900" : time;
  // Days since 1970-01-01: 1900 system, day 25569 is 1970-01-01 (it counts the phantom 1900-02-29).
  if (date1904) day += 1462;
  else if (day < 60) day += 1; // before the phantom 29 February 1900
  const z = day - 25569 + 719468;
  // Civil date from days (H. Hinnant's algorithm).
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const date = `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
  return time === "" ? date : `${date} ${time}`;
}
