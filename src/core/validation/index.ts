export { computeValidationReport, DEFAULT_VALIDATION_OPTIONS } from './validate';
export { describeValidationItem, formatArea, VALIDATION_MESSAGES, type ValidationMessageCode } from './messages';
export type * from './types';
