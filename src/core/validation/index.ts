export { computeValidationReport, DEFAULT_VALIDATION_OPTIONS } from './validate';
export { checkShiftedLayers, reread, type ShiftInput } from './shift';
export { summariseRows } from './rows';
export { describeValidationItem, formatArea, VALIDATION_MESSAGES, type ValidationMessageCode } from './messages';
export type * from './types';
