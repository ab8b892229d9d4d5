export * from './haversine';
export * from './lines';
export * from './metrics';
export * from './prepare';
export * from './quantiles';
export * from './roadGraph';
export * from './settings';
export * from './roadPieces';
