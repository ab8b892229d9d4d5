/** Reads a written dataset folder back, for the checks (which test the files, not the generator's memory). */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { SchoolLevel, ZoneLevel } from './types.ts';

/** Properties of a school feature as written. */
export interface SchoolProps {
  id: string;
  name: string;
  level: SchoolLevel;
  ownership: 'public' | 'private';
  setting: 'city' | 'town' | 'village';
  classrooms: number;
  opens?: number;
  [field: string]: unknown;
}

/** Properties of a zone feature. */
export interface ZoneProps {
  school_id: string;
  level: ZoneLevel;
}

/** One row of students.csv. */
export interface StudentRow {
  lon: number;
  lat: number;
  grade: number;
  schoolId: string;
  unitId: string;
}

/** The dataset files, parsed. */
export interface Dataset {
  county: Feature<MultiPolygon>;
  schools: Feature<Point, SchoolProps>[];
  zones: Feature<Polygon | MultiPolygon, ZoneProps>[];
  units: Feature<Point, { id: string; name: string; kind: 'compound' | 'village'; town: string }>[];
  students: StudentRow[];
  studentsBytes: number;
  baseYear: number;
}

function readJson<T>(dir: string, name: string): T {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
}

/** Parses the folder; throws on a malformed students.csv row (the generator must never write one). */
export function readDataset(dir: string): Dataset {
  const county = readJson<FeatureCollection<MultiPolygon>>(dir, 'county.geojson').features[0];
  if (!county) throw new Error('county.geojson has no feature');
  const csvPath = join(dir, 'students.csv');
  const lines = readFileSync(csvPath, 'utf8').trimEnd().split('\n');
  if (lines[0] !== 'id,lon,lat,grade,school_id,unit_id') throw new Error(`unexpected header ${lines[0]}`);
  const students = lines.slice(1).map((line, i) => {
    const [, lon, lat, grade, schoolId, unitId] = line.split(',');
    const row = { lon: Number(lon), lat: Number(lat), grade: Number(grade), schoolId: schoolId ?? '', unitId: unitId ?? '' };
    if (!Number.isFinite(row.lon) || !Number.isFinite(row.lat) || !Number.isInteger(row.grade) || row.grade < 1 || row.grade > 9) {
      throw new Error(`students.csv line ${i + 2} is malformed: ${line}`);
    }
    return row;
  });
  return {
    county,
    schools: readJson<FeatureCollection<Point, SchoolProps>>(dir, 'schools.geojson').features,
    zones: readJson<FeatureCollection<Polygon | MultiPolygon, ZoneProps>>(dir, 'catchments.geojson').features,
    units: readJson<FeatureCollection<Point, Dataset['units'][number]['properties']>>(dir, 'units.geojson').features,
    students,
    studentsBytes: statSync(csvPath).size,
    baseYear: readJson<{ baseYear: number }>(dir, 'dataset.json').baseYear,
  };
}
