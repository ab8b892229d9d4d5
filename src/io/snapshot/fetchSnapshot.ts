import { decodeDatasetSnapshot, type DecodedSnapshot } from './datasetSnapshot';

/** Whether bytes begin as a gzip stream does (RFC 1952: 1f 8b). */
const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * The bytes of a file that may come gzip-compressed: a server that sends the stored `.gz` with
 * `Content-Encoding: gzip` has the browser unpack it, one that sends it as it is does not; either
 * way the same bytes come out (unpacked here with the platform's DecompressionStream).
 */
async function gunzipped(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  if (!isGzip(new Uint8Array(bytes))) return bytes;
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

/** Fetches a stored dataset (gzip-compressed or not) and decodes it; throws with the URL when the server answers an error. */
export async function fetchDatasetSnapshot(url: string): Promise<DecodedSnapshot> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return decodeDatasetSnapshot(new Uint8Array(await gunzipped(await response.arrayBuffer())));
}
