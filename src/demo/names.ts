/** Invented, Russian-looking place names for the demo region (any likeness to a real place is chance). */

/** Towns that give their name to an urban district ("городской округ"). */
export const CITY_NAMES: readonly string[] = [
  "Северск", "Краснозаводск", "Приреченск", "Новоднепровск", "Светлогорск", "Каменногорск", "Зареченск", "Верхнеозёрск",
];

/** Districts ("муниципальный район") with their centre town. */
export const DISTRICTS: readonly { readonly district: string; readonly town: string }[] = [
  { district: "Ивановский", town: "Ивановск" },
  { district: "Берёзовский", town: "Берёзовка" },
  { district: "Заречный", town: "Заречье" },
  { district: "Сосновский", town: "Сосновск" },
  { district: "Красносельский", town: "Красное Село" },
  { district: "Дубровский", town: "Дубровка" },
  { district: "Луговской", town: "Луговое" },
  { district: "Озёрный", town: "Озёрск" },
  { district: "Покровский", town: "Покров" },
  { district: "Никольский", town: "Никольск" },
  { district: "Горный", town: "Горнозаводск" },
  { district: "Степной", town: "Степное" },
  { district: "Каменский", town: "Каменка" },
  { district: "Лесной", town: "Лесогорск" },
  { district: "Вознесенский", town: "Вознесенск" },
  { district: "Благовещенский", town: "Благовещенка" },
  { district: "Черноречский", town: "Чернореченск" },
  { district: "Боровской", town: "Боровск" },
  { district: "Ольховский", town: "Ольховка" },
  { district: "Рябиновский", town: "Рябиновка" },
  { district: "Успенский", town: "Успенское" },
  { district: "Троицкий", town: "Троицк-на-Реке" },
];

const VILLAGE_ROOTS: readonly string[] = [
  "Иванов", "Петров", "Сидор", "Михайлов", "Алексеев", "Николь", "Дмитриев", "Андреев", "Васильев", "Григорьев",
  "Берёз", "Сосн", "Дуб", "Лип", "Клён", "Ольх", "Рябин", "Калин", "Малин", "Черёмух",
  "Красн", "Бел", "Чёрн", "Зелен", "Светл", "Тих", "Быстр", "Высок", "Глубок", "Широк",
  "Камен", "Песчан", "Глин", "Озер", "Речн", "Ключ", "Родник", "Болот", "Луг", "Пол",
  "Покров", "Троиц", "Успен", "Вознесен", "Благовещен", "Преображен", "Рождествен", "Богородиц", "Спас", "Знамен",
];

const VILLAGE_FORMS: readonly ((root: string) => string)[] = [
  (r) => `${r}ка`,
  (r) => `${r}ское`,
  (r) => `${r}о`,
  (r) => `${r}овка`,
  (r) => `Ново${r.toLowerCase()}ка`,
  (r) => `Старо${r.toLowerCase()}ское`,
  (r) => `${r}ино`,
  (r) => `${r}ный`,
];

/** The i-th village name of the region (distinct for i < roots × forms = 400). */
export function villageName(i: number): string {
  const root = VILLAGE_ROOTS[i % VILLAGE_ROOTS.length] as string;
  const form = VILLAGE_FORMS[Math.floor(i / VILLAGE_ROOTS.length) % VILLAGE_FORMS.length] as (r: string) => string;
  const round = Math.floor(i / (VILLAGE_ROOTS.length * VILLAGE_FORMS.length));
  return round === 0 ? form(root) : `${form(root)}-${round + 1}`;
}

/** Settlement prefixes of rural places. */
export const VILLAGE_KINDS: readonly string[] = ["с.", "с.", "с.", "пос.", "ст-ца", "д."];
