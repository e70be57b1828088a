/** @jest-environment jsdom */
/** «Скачать справку (.docx)»: the button asks the workspace for the report and offers its download, or says why not. */
import "./jsdomSetup";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { ru } from "../../src/i18n";
import { ReportButton } from "../../src/taskpane/components/ReportButton";
import type { Download } from "../../src/taskpane/workspace";

describe("ReportButton", () => {
  const renderButton = (report?: () => Promise<Download>) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <ReportButton workspace={report ? { report } : {}} strings={ru} />
      </FluentProvider>,
    );

  it("is absent when the workspace cannot make a report", () => {
    renderButton();
    expect(screen.queryByRole("button", { name: ru.downloadReport })).toBeNull();
  });

  it("asks for the report, starts its download and offers the link", async () => {
    // jsdom cannot navigate: count the link's click instead of following it.
    const clicks = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const report = jest.fn(async () => ({ name: "Справка ШНОР.docx", url: "blob:report" }));
    renderButton(report);
    await userEvent.click(screen.getByRole("button", { name: ru.downloadReport }));
    const link = await screen.findByTestId("report-link");
    expect(report).toHaveBeenCalledTimes(1);
    expect(link).toHaveAttribute("href", "blob:report");
    expect(link).toHaveAttribute("download", "Справка ШНОР.docx");
    expect(screen.getByText(/Справка «Справка ШНОР\.docx» готова/)).toBeInTheDocument();
    expect(clicks).toHaveBeenCalledTimes(1);
    clicks.mockRestore();
  });

  it("shows the reason when the report cannot be made", async () => {
    renderButton(async () => {
      throw new Error("Сначала выполните выявление");
    });
    await userEvent.click(screen.getByRole("button", { name: ru.downloadReport }));
    await waitFor(() => expect(screen.getByText(/Сначала выполните выявление/)).toBeInTheDocument());
  });
});
