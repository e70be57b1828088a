/**
 * Builders of engine input rows for tests: every field has a plain default, a test names only
 * what it is about.
 *
 * Defaults are neutral on purpose: a school with every optional column `null` ("нет данных"),
 * ИСБ inputs that give 85 + 20 − 10 − 5 = 90, a ВПР 4 «Русский язык» scale of 0–38 points with
 * B_top 30 and no mark cut-offs, and a score of 20 points in 2024.
 *
 * @example
 * const school = makeSchool({ id: "S1", locality: "село", parentsHigherEd: 5 });
 * const scale = makeScale({ subject: "Математика", maxScore: 20, highScore: 15 });
 * const rows = [makeScore({ schoolId: "S1", participantId: "p1", subject: "Математика", score: 7 })];
 * identify(makeInput({ schools: [school], scales: [scale], scores: rows }), PRESETS.kbr);
 */
import type { AggregatedResult, IdentificationInput, ParticipantScore, Scale, School } from "../../../src/engine/types";

/** A `Школы` row: id "S1" in "Район 1", город, 500 pupils, Дв 20 %, Дн 10 %, Ду 5 %, the rest `null`. */
export function makeSchool(overrides: Partial<School> = {}): School {
  return {
    id: "S1",
    name: "Школа S1",
    municipality: "Район 1",
    locality: "город",
    enrollment: 500,
    parentsHigherEd: 20,
    singleParent: 10,
    registered: 5,
    hardToReach: null,
    nearestSchoolKm: null,
    nonNativeShare: null,
    disabledShare: null,
    teacherVacancies: null,
    qualifiedTeachersShare: null,
    hasPsychologist: null,
    hasSocialPedagogue: null,
    hasDefectologist: null,
    stableInternet: null,
    computersPer100: null,
    continuedTo10Share: null,
    olympiadShare: null,
    ...overrides,
  };
}

/** A `Шкалы` row: ВПР, 4 класс, «Русский язык», 0–38 points, B_top 30, mass, no mark cut-offs. */
export function makeScale(overrides: Partial<Scale> = {}): Scale {
  return {
    procedure: "ВПР",
    grade: 4,
    subject: "Русский язык",
    minScore: 0,
    maxScore: 38,
    highScore: 30,
    mass: true,
    cut3: null,
    cut4: null,
    cut5: null,
    ...overrides,
  };
}

/** A `Баллы` row: participant "p1" of school "S1", ВПР 4 «Русский язык» 2024, 20 points, no mark. */
export function makeScore(overrides: Partial<ParticipantScore> = {}): ParticipantScore {
  return {
    schoolId: "S1",
    year: 2024,
    procedure: "ВПР",
    grade: 4,
    participantId: "p1",
    subject: "Русский язык",
    score: 20,
    mark: null,
    journalMark: null,
    ...overrides,
  };
}

/** A `Результаты` row: school "S1", ВПР 4 «Русский язык» 2024, 20 participants, every count `null`. */
export function makeResult(overrides: Partial<AggregatedResult> = {}): AggregatedResult {
  return {
    schoolId: "S1",
    year: 2024,
    procedure: "ВПР",
    grade: 4,
    subject: "Русский язык",
    participants: 20,
    belowMin: null,
    atLeastMid: null,
    atLeastTop: null,
    meanScore: null,
    mark2: null,
    marks45: null,
    gradeSize: null,
    ...overrides,
  };
}

/** An `identify` input; every sheet not given is empty. */
export function makeInput(parts: Partial<IdentificationInput> = {}): IdentificationInput {
  return { schools: [], results: [], scores: [], scales: [], ...parts };
}
