/** Russian strings of the task pane (the default language). */
export const ru = {
  title: "ШНОР и ШНСУ",
  subtitle: "Выявление школ с низкими образовательными результатами и школ в неблагоприятных социальных условиях",
  modeOffice: "Работа с открытой книгой Excel",
  modeFile: "Автономный режим: книга Excel открывается из файла и не покидает компьютер",
  step1: "1. Данные",
  step2: "2. Методика",
  step3: "3. Результат",
  insertTemplate: "Вставить шаблон",
  insertTemplateHint: "Добавляет листы Школы, Результаты, Баллы, Шкалы с заголовками, списками и примерами шкал. Существующие листы не изменяются.",
  templateEmpty: "Пустой шаблон",
  templateDemo: "Шаблон с демо-регионом",
  downloadTemplate: "Скачать шаблон",
  templateInserted: (added: string, skipped: string) =>
    `Добавлены листы: ${added || "—"}.${skipped ? ` Уже есть и не изменены: ${skipped}.` : ""}`,
  templateReady: "Шаблон готов — ссылка для скачивания ниже.",
  openFile: "Открыть книгу Excel (.xlsx)",
  openFileHint: "Файл читается в браузере и никуда не отправляется.",
  fileLoaded: (name: string) => `Открыт файл «${name}»`,
  noFile: "Сначала откройте книгу Excel с листами Школы, Результаты или Баллы, Шкалы.",
  validate: "Проверить данные",
  identify: "Выявить",
  cancel: "Отменить",
  clearHighlights: "Снять выделение",
  highlightsCleared: "Выделение ячеек снято.",
  cancelled: "Операция отменена. Книга не изменена.",
  failed: (message: string) => `Не удалось выполнить операцию: ${message}`,
  // issues
  issuesTitle: "Замечания к данным",
  noIssues: "Ошибок не найдено — данные можно обрабатывать.",
  issueCounts: (errors: number, warnings: number, infos: number) =>
    `Ошибок: ${errors}, предупреждений: ${warnings}, сведений: ${infos}`,
  validationFailed: "В данных есть ошибки: выявление невозможно, ничего не записано. Исправьте ячейки из списка.",
  validationWarnings: "Ошибок нет, есть предупреждения — их стоит просмотреть.",
  highlighted: (n: number) => `Ячейки с ошибками выделены цветом (${n}).`,
  workbookLevel: "Книга целиком",
  goToCell: (ref: string) => `Перейти к ячейке ${ref}`,
  severity: { error: "Ошибка", warning: "Предупреждение", info: "Сведения" } as Record<string, string>,
  // methodology
  preset: "Методика",
  presetHint: "Пресет задаёт все пороги; любой параметр можно изменить.",
  parameters: "Параметры методики",
  showParameters: (n: number) => `Параметры (${n} изменено)`,
  resetParameters: "Вернуть значения методики",
  parameterChanged: "изменено",
  parameterInvalid: "Исправьте параметры методики: выявление с ними невозможно.",
  methodologySaved: "Выбор методики сохраняется в книге и повторяется при следующем запуске.",
  methodologySavedFile: "Выбор методики запоминается в этом браузере и записывается на лист «Параметры» результата.",
  yes: "да",
  no: "нет",
  jsonHint: "значение в формате JSON",
  // progress
  stage: {
    reading: (sheet: string, rows: number) => `Чтение листа «${sheet}»: ${rows.toLocaleString("ru-RU")} строк`,
    loadingFile: "Чтение файла",
    parsing: "Проверка данных",
    identifying: "Выявление ШНОР и ШНСУ, динамика и мониторинг",
    sheets: "Подготовка листов результата",
    writing: (sheet: string) => `Запись листа «${sheet}»`,
    highlighting: "Выделение ячеек с ошибками",
    template: "Вставка шаблона",
    packing: "Подготовка файла результата",
  },
  progressLabel: "Ход выполнения",
  // summary
  summaryTitle: "Итоги выявления",
  summarySchools: (n: number, preset: string) => `Школ: ${n}. Методика: ${preset}.`,
  shnor: "ШНОР",
  shnsu: "ШНСУ",
  both: "ШНОР и ШНСУ",
  riskZone: "Зона риска",
  noRisk: "Без рисков",
  categoryCounts: "Школы по категориям",
  totalShnor: (n: number) => `Всего ШНОР: ${n}`,
  totalShnsu: (n: number) => `Всего ШНСУ: ${n}`,
  topMunicipalities: "Муниципалитеты с наибольшей долей ШНОР ∪ ШНСУ",
  municipality: "Муниципалитет",
  schools: "Школ",
  shnorOrShnsu: "ШНОР ∪ ШНСУ",
  share: "Доля",
  writtenSheets: (names: string) => `Записаны листы: ${names}. Открыт лист «Итоги».`,
  download: "Скачать результат (.xlsx)",
  downloadReady: (name: string) => `Файл результата «${name}» готов.`,
  downloadTemplateLink: (name: string) => `Скачать «${name}»`,
  downloadReport: "Скачать справку (.docx)",
  reportPreparing: "Готовится аналитическая справка…",
  reportReady: (name: string) => `Справка «${name}» готова. Если загрузка не началась, нажмите на ссылку:`,
} as const;

export type Strings = {
  readonly [K in keyof typeof ru]: (typeof ru)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof ru)[K] extends string
      ? string
      : (typeof ru)[K] extends Record<string, unknown>
        ? { readonly [P in keyof (typeof ru)[K]]: (typeof ru)[K][P] extends (...args: infer B) => string ? (...args: B) => string : string }
        : (typeof ru)[K];
};
