/** Saves bytes or text as a file through the browser's download (nothing leaves the machine). */
export function downloadFile(name: string, data: string | Blob | Uint8Array, type: string): void {
  const part = data instanceof Uint8Array ? new Uint8Array(data) : data;
  const url = URL.createObjectURL(new Blob([part], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  // Released a minute later: a browser may still be reading a large file when the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
