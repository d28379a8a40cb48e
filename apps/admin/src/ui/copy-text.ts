/**
 * Puts text on the clipboard. `navigator.clipboard` exists only in a secure context, and
 * offices open Tally over plain HTTP by a LAN name; there the old way (select a hidden text
 * box and copy) still works, in a click handler. Resolves false when neither could copy.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission): fall back to the old way below.
    }
  }
  const box = document.createElement('textarea');
  box.value = text;
  box.setAttribute('readonly', '');
  box.style.position = 'fixed';
  box.style.opacity = '0';
  document.body.append(box);
  box.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    box.remove();
  }
}
