import { computeFourBounds, namedLinesOf } from '../src/core/publish/fourBounds';
const C = [[[[118.01, 36.01], [118.02, 36.01], [118.02, 36.02], [118.01, 36.02], [118.01, 36.01]]]] as any;
const L = namedLinesOf([{ coords: Float64Array.from([118.01, 36.005, 118.01, 36.012, 118.01, 36.025, 118.0, 36.02, 118.03, 36.02]), start: Int32Array.from([0, 3, 5]), kind: new Uint8Array(2), name: ['弥河', '文化街'] }]);
console.log(JSON.stringify(computeFourBounds(C, new Map(), L)));
