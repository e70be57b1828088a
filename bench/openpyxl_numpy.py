#!/usr/bin/env python3
"""The plain openpyxl + numpy approach, for `npm run bench` to compare against.

Reads the same input workbook (sheets «Школы», «Баллы», «Шкалы»), computes what an analyst's
script would: each school's index of low results (share of participants below the low-results
bound, 5 % of the scale above its minimum) per procedure in the latest year, the social
well-being index ИСБ = 85 + Дв − Дн − Ду (capped to 0..100), ШНСУ = ИСБ ≤ Q1, ШНОР = a low
index at or above the 90th percentile of its procedure; and writes one result sheet.

    /usr/bin/python3 bench/openpyxl_numpy.py input.xlsx output.xlsx

Prints one JSON line: {"seconds": …, "read": …, "analyse": …, "write": …, "schools": …, "shnor": …, "shnsu": …}.
"""
import json
import math
import sys
import time

import numpy as np
import openpyxl


def header_index(row, names):
    idx = {}
    for i, v in enumerate(row):
        if isinstance(v, str) and v.strip() in names:
            idx[v.strip()] = i
    return idx


def main(path, out):
    t0 = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    schools = {}
    rows = wb["Школы"].iter_rows(values_only=True)
    h = header_index(next(rows), {"Код ОО", "Наименование", "Муниципалитет", "Дв, %", "Дн, %", "Ду, %"})
    for r in rows:
        code = r[h["Код ОО"]]
        if code is None:
            continue
        schools[str(code)] = (r[h["Наименование"]], r[h["Муниципалитет"]], r[h["Дв, %"]], r[h["Дн, %"]], r[h["Ду, %"]])

    scales = {}
    rows = wb["Шкалы"].iter_rows(values_only=True)
    h = header_index(next(rows), {"Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл"})
    for r in rows:
        if r[h["Процедура"]] is None:
            continue
        lo, hi = r[h["Минимальный балл"]], r[h["Максимальный балл"]]
        scales[(r[h["Процедура"]], r[h["Класс"]], r[h["Предмет"]])] = math.ceil(lo + 0.05 * (hi - lo))

    codes, years, keys, scores = [], [], [], []
    key_ids = {}
    rows = wb["Баллы"].iter_rows(values_only=True)
    h = header_index(next(rows), {"Код ОО", "Год", "Процедура", "Класс", "Предмет", "Балл"})
    ic, iy, ip, ig, isub, isc = h["Код ОО"], h["Год"], h["Процедура"], h["Класс"], h["Предмет"], h["Балл"]
    for r in rows:
        s = r[isc]
        if s is None:
            continue
        k = (r[ip], r[ig], r[isub])
        kid = key_ids.setdefault(k, len(key_ids))
        codes.append(str(r[ic]))
        years.append(r[iy])
        keys.append(kid)
        scores.append(s)
    wb.close()
    t1 = time.perf_counter()

    code_ids = {c: i for i, c in enumerate(schools)}
    school_of = np.array([code_ids.get(c, -1) for c in codes], dtype=np.int64)
    year = np.array(years, dtype=np.int64)
    key = np.array(keys, dtype=np.int64)
    score = np.array(scores, dtype=np.float64)
    bmin = np.array([scales.get(k, 0) for k in sorted(key_ids, key=key_ids.get)], dtype=np.float64)
    latest = year.max()
    sel = (year == latest) & (school_of >= 0)
    low = (score[sel] < bmin[key[sel]]).astype(np.float64)
    group = school_of[sel] * len(key_ids) + key[sel]
    n = np.bincount(group, minlength=len(schools) * len(key_ids))
    lows = np.bincount(group, weights=low, minlength=len(schools) * len(key_ids))
    with np.errstate(invalid="ignore", divide="ignore"):
        index = np.where(n >= 10, lows / np.maximum(n, 1), np.nan).reshape(len(schools), len(key_ids))
    p90 = np.nanpercentile(np.where(np.isnan(index), np.nan, index), 90, axis=0)
    shnor = np.any(index >= p90, axis=1)
    info = list(schools.values())
    swi = np.clip(np.array([85 + (s[2] or 0) - (s[3] or 0) - (s[4] or 0) for s in info], dtype=np.float64), 0, 100)
    q1 = np.percentile(swi, 25)
    shnsu = swi <= q1
    t2 = time.perf_counter()

    wo = openpyxl.Workbook(write_only=True)
    ws = wo.create_sheet("Итоги")
    ws.append(["Код ОО", "Наименование", "Муниципалитет", "ИСБ", "ШНОР", "ШНСУ", "Индекс низких (макс.)"])
    for i, code in enumerate(schools):
        worst = np.nanmax(index[i]) if np.any(~np.isnan(index[i])) else None
        ws.append([code, info[i][0], info[i][1], float(swi[i]), "да" if shnor[i] else "нет", "да" if shnsu[i] else "нет", None if worst is None else float(worst)])
    wo.save(out)
    t3 = time.perf_counter()
    print(json.dumps({"seconds": t3 - t0, "read": t1 - t0, "analyse": t2 - t1, "write": t3 - t2, "rows": len(scores), "schools": len(schools), "shnor": int(shnor.sum()), "shnsu": int(shnsu.sum())}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
