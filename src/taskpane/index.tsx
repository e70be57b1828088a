/**
 * Placeholder task pane: says the pane is being built and lists the custom functions. A colleague
 * replaces it with the real pane; it exists so that the shared runtime has its page.
 */
import { Body1, Caption1, FluentProvider, makeStyles, Title3, tokens, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";

const FUNCTIONS: readonly { ru: string; en: string; what: string }[] = [
  { ru: "ИСБ", en: "SWI", what: "индекс социального благополучия" },
  { ru: "ИНДЕКСНИЗКИХ", en: "LOWINDEX", what: "доля баллов ниже B_min" },
  { ru: "ИНДЕКСМАССОВЫХ", en: "MASSINDEX", what: "доля баллов не ниже B_mid" },
  { ru: "ИНДЕКСВЫСОКИХ", en: "HIGHINDEX", what: "доля баллов не ниже B_top" },
  { ru: "ГРАНИЦАНИЗКИХ", en: "BMIN", what: "граница низких результатов B_min" },
  { ru: "УРОВЕНЬ", en: "LEVEL", what: "уровень достижений" },
  { ru: "ТИПШКОЛЫ", en: "SCHOOLTYPE", what: "типы школы T1…T6" },
  { ru: "ГРУППАИСБ", en: "SWIGROUP", what: "эффективная / обычная / не справляющаяся" },
];

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function App(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">ШНОР и ШНСУ</Title3>
      <Body1>Панель надстройки в разработке. Пользовательские функции уже работают:</Body1>
      <ul className={styles.list}>
        {FUNCTIONS.map((f) => (
          <li key={f.en}>
            <Body1>
              =SHNOR.{f.ru} (SHNOR.{f.en})
            </Body1>{" "}
            <Caption1>— {f.what}</Caption1>
          </li>
        ))}
      </ul>
    </main>
  );
}

function mount(): void {
  const host = document.getElementById("root");
  if (!host) return;
  createRoot(host).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined") void Office.onReady(mount);
else mount();
