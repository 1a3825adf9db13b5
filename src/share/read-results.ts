import { type PackResults, parseJsonText, parseResults, SpecError } from '../spec';
import { SHARE_LIMITS } from './limits';

/** Reads a student's results file, refusing a huge one before parsing; throws a SpecError naming the field. */
export function readResultsText(text: string): PackResults {
  if (text.length > SHARE_LIMITS.resultChars) {
    throw new SpecError(
      '',
      `is ${text.length} characters long, more than the ${SHARE_LIMITS.resultChars} a results file may have`,
    );
  }
  return parseResults(parseJsonText(text));
}
