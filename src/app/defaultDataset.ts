/** Where the built app serves the embedded Shouguang dataset, read from data/shouguang when the app was built. */
export const DEFAULT_SNAPSHOT_PATH = 'data/shouguang.snapshot';
