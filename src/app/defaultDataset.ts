/**
 * Where the built app serves the embedded Shouguang dataset, read from data/shouguang when the app
 * was built: its snapshot, gzip-compressed (9.3 MB, 3.6 MB so), so no server compresses it per request.
 */
export const DEFAULT_SNAPSHOT_PATH = 'data/shouguang.snapshot.gz';
