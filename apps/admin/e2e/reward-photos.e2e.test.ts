import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { signedInSession } from './helpers';

// A reward's photo from the office's side: uploaded in the reward dialog, shown there as the
// kiosk will show it, refused when it is not a photo, and removed again.
describe('a reward photo in the reward dialog', () => {
  const session = signedInSession('office', { path: '/rewards' });
  const dialog = () => session.page.getByRole('dialog');

  it('uploads, shows, refuses a non-photo, and removes a reward’s photo', async () => {
    const page = session.page;
    const row = page.locator('tbody tr', { hasText: 'Haircut voucher' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const photo = dialog().getByRole('group', { name: 'Photo' });
    await photo.getByText('No photo: the kiosk shows the kind’s icon.').waitFor();

    // A 2×2 PNG: small photos keep their size (the service only ever makes them smaller).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGN4UBUPRAwQCgAyTgblX0Z1SgAAAABJRU5ErkJggg==',
      'base64',
    );
    const input = dialog().locator('input[type="file"]');
    await input.setInputFiles({ name: 'haircut.png', mimeType: 'image/png', buffer: png });
    await page.getByText('Photo saved.').waitFor();
    const shown = photo.getByRole('img', { name: 'Photo of Haircut voucher' });
    await shown.waitFor();
    expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);

    const notAPhoto = await readFile(new URL(import.meta.url));
    await input.setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: notAPhoto });
    await photo.getByText('Only JPEG, PNG and WebP photos can be used.').waitFor();
    await shown.waitFor();

    await photo.getByRole('button', { name: 'Remove the photo' }).click();
    await page.getByText('Photo removed.').waitFor();
    await photo.getByText('No photo: the kiosk shows the kind’s icon.').waitFor();
    expect(session.errors).toEqual([]);
  });
});
