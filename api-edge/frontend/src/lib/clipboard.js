/** Copies text to the clipboard; returns the sentence to announce (the browser may refuse, e.g. without focus). */
export async function copyToClipboard(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    return `Copied ${what}.`;
  } catch {
    return 'Copying was refused by the browser: select the text instead.';
  }
}
