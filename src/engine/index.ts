/** Public API of the identification engine: pure rules of SPEC.md, no Office, React or files. */
export * from "./types";
export * from "./methodology";
export { identify, ENGINE_VERSION, SHNOR_RULE_NAMES, municipalities } from "./identify";
export { percentileInc, percentileIncSorted, mean } from "./percentile";
export { swi } from "./swi";
export { bMin, bMid, thresholds, type Thresholds } from "./thresholds";
export { attainmentLevel, DEFAULT_LEVEL_CUTS, type AttainmentLevel } from "./levels";
export { attainment, ATTAINMENT_LEVELS, type AttainmentResult, type LevelCounts, type LevelRow } from "./attainment";
export { countScores, subjectIndices, share, weightedShare, markFromScore } from "./subjectIndices";
export { schoolTypes, swiReferences, isRemote, anyTrue, SCHOOL_TYPE_NAMES, SCHOOL_TYPE_CODES, NO_TYPE } from "./schoolTypes";
export { fitLine, groupOf, GROUP_NAMES } from "./regression";
export { procedureStats } from "./procedureStats";
export { staffIndex, equipmentCoefficient } from "./staffIndex";
export { riskFactor } from "./riskFactors";
export * from "./monitoring";
export { analyse, type AnalysisResult } from "./analyse";
export * from "./handover";
export { wilson, binomialUpperTail, normalQuantile } from "./intervals";
