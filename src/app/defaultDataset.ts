import births from '../../data/shouguang/births.csv?url';
import catchments from '../../data/shouguang/catchments.geojson?url';
import context from '../../data/shouguang/context.geojson?url';
import county from '../../data/shouguang/county.geojson?url';
import datasetJson from '../../data/shouguang/dataset.json?url';
import schools from '../../data/shouguang/schools.geojson?url';
import housing from '../../data/shouguang/housing.csv?url';
import students from '../../data/shouguang/students.csv?url';
import units from '../../data/shouguang/units.geojson?url';

/** URLs of the embedded Shouguang dataset's files, served from the app's own origin. */
export const DEFAULT_DATASET_URLS = {
  'schools.geojson': schools,
  'catchments.geojson': catchments,
  'students.csv': students,
  'dataset.json': datasetJson,
  'units.geojson': units,
  'county.geojson': county,
  'context.geojson': context,
  'births.csv': births,
  'housing.csv': housing,
} as const;
