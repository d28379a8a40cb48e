import type { ImportProblem } from '@tally/domain/imports';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What is wrong with one row of a residents file (or the file), in the reader's language. */
export type ImportProblemText = { field: string | null; message: string };

/**
 * Words a problem the service found by its code and figures. A code this app does not
 * know yet (a newer service) is shown in the service's own English words.
 */
export function describeImportProblem(problem: ImportProblem, t: TFunction): ImportProblemText {
  const field = t(`import.fields.${problem.field}`);
  const { code, params } = problem;
  if (code === 'invalid') return { field, message: problem.message };
  if (code === 'repeatedColumn' || code === 'missingColumn') {
    const column = String(params.column);
    return {
      field,
      message: t(`import.messages.${code}`, {
        ...params,
        column: t(`import.fields.${column}`, { defaultValue: column }),
      }),
    };
  }
  return {
    field,
    message: t(`import.messages.${code}`, { ...params, defaultValue: problem.message }),
  };
}

/** The problems a refused preview names in its details (a file whose header cannot be read). */
export function fileProblemsOf(details: Record<string, unknown>): ImportProblem[] {
  const problems = details.problems;
  return Array.isArray(problems) ? (problems as ImportProblem[]) : [];
}

/** Words the service's problems of an import row. */
export function useImportProblems(): (problem: ImportProblem) => ImportProblemText {
  const { t } = useTranslation();
  return (problem) => describeImportProblem(problem, t);
}
