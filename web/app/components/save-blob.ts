/**
 * Hands a fetched file to the browser as a download named `fileName`, through the page's hidden link (a plain link
 * to the API would carry no token). The object URL is revoked a minute later, once the browser has the file.
 */
export function saveBlob(link: HTMLAnchorElement, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
