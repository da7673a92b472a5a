/** Saves text as a file through the browser's download path (Electron shows a save dialog). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by the time the click returns; revoke on the next turn to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
