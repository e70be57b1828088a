/** A heading that can take focus (results, issues, a school card): the pane moves focus to it after an action. */
import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  base: { margin: 0, ":focus-visible": { outlineWidth: tokens.strokeWidthThick, outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2 } },
  h2: typographyStyles.subtitle1,
  h3: typographyStyles.subtitle2,
  h4: typographyStyles.body1Strong,
});

export const Heading = React.forwardRef<HTMLHeadingElement, { level: 2 | 3 | 4; id?: string; className?: string; children: React.ReactNode }>(function Heading(props, ref) {
  const styles = useStyles();
  const Tag = `h${props.level}` as "h2" | "h3" | "h4";
  return (
    <Tag ref={ref} id={props.id} tabIndex={-1} className={mergeClasses(styles.base, styles[Tag], props.className)}>
      {props.children}
    </Tag>
  );
});
