/** Methodologies side by side (issue 15). */
export * from "./compare";
export { explainStatus } from "./explain";
