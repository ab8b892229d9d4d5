/** The file-import layer: any supported files in, the data contract's texts out (see importDataset). */
export { importDataset, type FileNotUsed, type ImportedDataset, type ImportFile, type ImportNote } from './importDataset';
export { baseYearFromText, chooseYear, type BaseYearChoice, type StatedYear } from './baseYear';
export { readImportedDataset } from './readImportedDataset';
export { layerSources, shiftedLayersOfImported, validateImported, emptyPupilFiles } from './validateImported';
export { inspectFile, type FileInspection } from './inspectFile';
export { createAddressPlacer, type AddressPlacement, type AddressPlacer, type AddressStatus } from './addressPlacement';
export { suggestMapping, applyOverrides, requiredMissing, missingColumns, normaliseHeaderName, type ColumnMapping, type MappingSuggestion } from './columnMapping';
export { COLUMN_SPECS, mappedKindOf, type MappedKind } from './columnAliases';
export { normaliseGrade, normaliseSchoolLevel, normaliseZoneLevel, normaliseOwnership } from './valueNormalise';
export { parseCrs, toWgs84, CRS_NAMES, type Crs } from './crs';
export { crsHint, type CrsHint, type CrsHintSource } from './crsHint';
export { entriesOf, entryFor, formatMappingFile, parseMappingFile, MAPPING_FILE_VERSION, type MappingChoices, type MappingEntry } from './mappingFile';
export { guessPart, PART_FILES, DATASET_PARTS, MULTI_FILE_PARTS, type DatasetPart } from './datasetPart';
export { decodeText, type DecodedText, type TextEncodingName } from './textDecoding';
export type { RepeatedColumn } from './table';
export { detectFormat, type FileFormat } from './fileFormat';
