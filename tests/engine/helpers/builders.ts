/** Small builders of engine input rows with neutral defaults, for hand-computed tests. */
import type { AggregatedResult, ParticipantScore, Scale, School } from "../../../src/engine";

/** A school with every optional column empty and ИСБ 85 (Дв = Дн = Ду = 0). */
export function school(id: string, overrides: Partial<School> = {}): School {
  return {
    id,
    name: `Школа ${id}`,
    municipality: "Район А",
    locality: "город",
    enrollment: 500,
    parentsHigherEd: 0,
    singleParent: 0,
    registered: 0,
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

/** A school whose ИСБ is exactly `value` (through Дн, with Дв = Ду = 0). */
export function schoolWithSwi(id: string, value: number, overrides: Partial<School> = {}): School {
  return school(id, { parentsHigherEd: 0, singleParent: 85 - value, registered: 0, ...overrides });
}

export function scale(procedure: string, grade: number, subject: string, overrides: Partial<Scale> = {}): Scale {
  return { procedure, grade, subject, minScore: 7, maxScore: 20, highScore: 15, mass: true, cut3: 8, cut4: 13, cut5: 17, ...overrides };
}

/** An aggregated row with only the participant count and `Ниже Bmin`. */
export function agg(schoolId: string, year: number, procedure: string, grade: number, subject: string, participants: number, belowMin: number | null, overrides: Partial<AggregatedResult> = {}): AggregatedResult {
  return {
    schoolId,
    year,
    procedure,
    grade,
    subject,
    participants,
    belowMin,
    atLeastMid: null,
    atLeastTop: null,
    meanScore: null,
    mark2: null,
    marks45: null,
    gradeSize: null,
    ...overrides,
  };
}

export function score(schoolId: string, year: number, procedure: string, grade: number, participantId: string, subject: string, value: number, mark: number | null = null): ParticipantScore {
  return { schoolId, year, procedure, grade, participantId, subject, score: value, mark };
}
