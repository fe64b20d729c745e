// Record checks live with the domain errors (server/domain/errors.ts); the old names stay for callers not yet moved.
export { parseOrInvalid as parseOr400, validationError as validationProblem } from '../domain/errors.js';
