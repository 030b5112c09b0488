// Offers text or bytes as a file download (exports, error reports).
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: the download may start after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
