/**
 * A text value kept in the workbook's document settings (Office.context.document.settings): it
 * is saved inside the .xlsx, so it travels with the workbook and a re-run finds it.
 */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export interface TextSetting {
  load(): Promise<string | null>;
  save(text: string): Promise<void>;
}

export function documentSetting(settings: DocumentSettings, name: string): TextSetting {
  return {
    async load() {
      const v = settings.get(name);
      return typeof v === "string" ? v : null;
    },
    save(text: string) {
      settings.set(name, text);
      return new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === "failed" || result.error) reject(new Error(result.error?.message ?? "settings.saveAsync failed"));
          else resolve();
        });
      });
    },
  };
}
