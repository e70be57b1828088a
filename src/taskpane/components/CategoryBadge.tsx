/** A category in the colours of the result sheets (DESIGN.md: Excel's own cell styles). */
import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Category } from "../../engine";
import { CATEGORY_STYLES } from "../../workbook/resultSheets";

const useStyles = makeStyles({
  badge: {
    display: "flex",
    boxSizing: "border-box",
    width: "100%",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  count: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase400 },
});

export function CategoryBadge(props: { category: Category; label: string; count?: number }): React.JSX.Element {
  const styles = useStyles();
  const style = CATEGORY_STYLES[props.category];
  return (
    <span
      className={styles.badge}
      data-category={props.category}
      style={{ backgroundColor: style.fill, color: style.font ?? tokens.colorNeutralForeground1, fontWeight: style.bold ? 600 : 400 }}
    >
      <span>{props.label}</span>
      {props.count === undefined ? null : <span className={styles.count}>{props.count}</span>}
    </span>
  );
}
