/**
 * Positional shorthands over the row builders of `regionFactory`, for hand-computed tests that
 * list many rows: neutral defaults (ИСБ 85, ВПР-like scale 7–20 with B_top 15 and cut-offs).
 */
import type { AggregatedResult, ParticipantScore, Scale, School } from "../../../src/engine";
import { makeResult, makeScale, makeSchool, makeScore } from "./regionFactory";

/** A school with every optional column empty and ИСБ 85 (Дв = Дн = Ду = 0). */
export function school(id: string, overrides: Partial<School> = {}): School {
  return makeSchool({ id, name: `Школа ${id}`, municipality: "Район А", parentsHigherEd: 0, singleParent: 0, registered: 0, ...overrides });
}

/** A school whose ИСБ is exactly `value` (through Дн, with Дв = Ду = 0). */
export function schoolWithSwi(id: string, value: number, overrides: Partial<School> = {}): School {
  return school(id, { singleParent: 85 - value, ...overrides });
}

export function scale(procedure: string, grade: number, subject: string, overrides: Partial<Scale> = {}): Scale {
  return makeScale({ procedure, grade, subject, minScore: 7, maxScore: 20, highScore: 15, cut3: 8, cut4: 13, cut5: 17, ...overrides });
}

/** An aggregated row with only the participant count and `Ниже Bmin`. */
export function agg(
  schoolId: string,
  year: number,
  procedure: string,
  grade: number,
  subject: string,
  participants: number,
  belowMin: number | null,
  overrides: Partial<AggregatedResult> = {},
): AggregatedResult {
  return makeResult({ schoolId, year, procedure, grade, subject, participants, belowMin, ...overrides });
}

export function score(schoolId: string, year: number, procedure: string, grade: number, participantId: string, subject: string, value: number, mark: number | null = null): ParticipantScore {
  return makeScore({ schoolId, year, procedure, grade, participantId, subject, score: value, mark });
}
