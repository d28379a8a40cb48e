import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { StaffActor } from '../auth/actors';
import { setRewardPhoto } from '../rewards/reward-photos';

// Two demo rewards carry photos, drawn here and uploaded through the office's own path (so they
// are resized and stored like any photo); the others keep their kind's icon.

const RICE = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720">
  <rect width="960" height="720" fill="#f4e9d8"/>
  <ellipse cx="480" cy="640" rx="300" ry="40" fill="#e2d3bc"/>
  <path d="M300 220 Q480 160 660 220 L700 600 Q480 660 260 600 Z" fill="#fbf8f1" stroke="#c9b79a" stroke-width="8"/>
  <path d="M300 220 Q480 280 660 220" fill="none" stroke="#c9b79a" stroke-width="8"/>
  <rect x="360" y="330" width="240" height="160" rx="16" fill="#c0392b"/>
  <circle cx="480" cy="410" r="48" fill="#f7d774"/>
</svg>`;

const EGGS = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720">
  <rect width="960" height="720" fill="#e8f0e4"/>
  <rect x="150" y="380" width="660" height="180" rx="24" fill="#b9a27f"/>
  ${[0, 1, 2, 3, 4, 5]
    .map(
      (i) =>
        `<ellipse cx="${215 + i * 106}" cy="360" rx="46" ry="60" fill="#f6ead8" stroke="#d8c3a3" stroke-width="4"/>`,
    )
    .join('')}
  ${[0, 1, 2, 3, 4, 5]
    .map(
      (i) =>
        `<ellipse cx="${215 + i * 106}" cy="250" rx="46" ry="60" fill="#f1dcc0" stroke="#d8c3a3" stroke-width="4"/>`,
    )
    .join('')}
</svg>`;

export async function seedRewardPhotos(
  db: Kysely<Database>,
  {
    communityId,
    office,
    rice,
    eggs,
  }: { communityId: string; office: StaffActor; rice: string; eggs: string },
): Promise<void> {
  for (const [rewardId, svg] of [
    [rice, RICE],
    [eggs, EGGS],
  ] as const) {
    const upload = await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
    await setRewardPhoto(db, {
      communityId,
      staffId: office.id,
      origin: 'demo-seed',
      rewardId,
      upload,
    });
  }
}
