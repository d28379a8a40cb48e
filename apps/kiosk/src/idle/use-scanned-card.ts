import { useEffect, useRef } from 'react';

/** Keys further apart than this are a person typing, not a scanner: start afresh. */
const SCANNER_GAP_MS = 1000;

/**
 * A barcode or QR scanner types the card number like a keyboard and presses
 * Enter. On the idle screen there is no field to type into, so listen to the
 * whole page: a scanned card goes straight to the PIN.
 */
export function useScannedCard(onCard: (cardNumber: string) => void): void {
  const callback = useRef(onCard);
  callback.current = onCard;
  useEffect(() => {
    let buffer = '';
    let last = 0;
    const keydown = (event: KeyboardEvent) => {
      const now = Date.now();
      if (now - last > SCANNER_GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        if (buffer.length >= 2) {
          event.preventDefault();
          callback.current(buffer.toUpperCase());
        }
        buffer = '';
        return;
      }
      if (/^[0-9A-Za-z-]$/.test(event.key)) buffer += event.key;
    };
    document.addEventListener('keydown', keydown);
    return () => document.removeEventListener('keydown', keydown);
  }, []);
}
