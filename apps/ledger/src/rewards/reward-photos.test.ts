import { describeEachDatabase } from '@tally/db/testing';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { givenIdentifiedResident, givenKiosk, givenReward } from '../kiosk/test-helpers';
import { givenCommunityWithStaff, serveDuring } from '../test/api';

/** A photo as a phone or a scanner makes one. */
function picture(format: 'png' | 'jpeg' | 'webp', width = 2000, height = 1000) {
  return sharp({ create: { width, height, channels: 3, background: '#e07a5f' } })
    [format]()
    .toBuffer();
}

describeEachDatabase('reward photos', (database) => {
  const server = serveDuring(database);

  async function send(
    method: 'PUT' | 'DELETE' | 'GET',
    path: string,
    {
      token,
      body,
      headers = {},
    }: { token?: string; body?: Uint8Array; headers?: Record<string, string> } = {},
  ) {
    return fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'image/jpeg' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body ? { body } : {}),
    });
  }
  const domainCode = async (response: Response) =>
    ((await response.json()) as { domainCode?: string }).domainCode;

  it('stores an uploaded photo resized, shows its address on the reward and at the kiosk', async () => {
    const { office, kiosk, residentApi } = await givenIdentifiedResident(server, database());
    const reward = await givenReward(office.api, { name: 'Tea set' });
    expect(reward.photoUrl).toBeNull();

    const uploaded = await send('PUT', `/reward-photos/${reward.id}`, {
      token: office.token,
      body: await picture('png'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(uploaded.status).toBe(200);
    const { photoUrl, width, height } = (await uploaded.json()) as {
      photoUrl: string;
      width: number;
      height: number;
    };
    expect({ width, height }).toEqual({ width: 480, height: 240 });
    expect(photoUrl).toMatch(new RegExp(`^/reward-photos/${reward.id}\\.webp\\?v=[0-9a-f]{16}$`));
    const [listed] = await office.api.rewards.list.query();
    expect(listed?.photoUrl).toBe(photoUrl);
    const [offered] = await residentApi.kiosk.catalog.query();
    expect(offered?.photoUrl).toBe(photoUrl);

    for (const token of [office.token, kiosk.token]) {
      const photo = await send('GET', photoUrl, { token });
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/webp');
      expect(photo.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      const stored = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
      expect(stored).toMatchObject({ format: 'webp', width: 480, height: 240 });
    }
    const again = await send('GET', photoUrl, {
      token: kiosk.token,
      headers: {
        'if-none-match':
          (await send('GET', photoUrl, { token: kiosk.token })).headers.get('etag') ?? '',
      },
    });
    expect(again.status).toBe(304);
  });

  it('keeps a small photo its size, replaces a photo with a new address, and removes it', async () => {
    const { office } = await givenCommunityWithStaff(server, database());
    const reward = await givenReward(office.api);
    const first = await send('PUT', `/reward-photos/${reward.id}`, {
      token: office.token,
      body: await picture('jpeg', 300, 400),
    });
    expect(await first.json()).toMatchObject({ width: 300, height: 400 });
    const second = await send('PUT', `/reward-photos/${reward.id}`, {
      token: office.token,
      body: await picture('webp', 960, 960),
    });
    const replaced = (await second.json()) as { photoUrl: string; width: number };
    expect(replaced.width).toBe(480);
    const [listed] = await office.api.rewards.list.query();
    expect(listed?.photoUrl).toBe(replaced.photoUrl);

    const removed = await send('DELETE', `/reward-photos/${reward.id}`, { token: office.token });
    expect(removed.status).toBe(204);
    expect((await office.api.rewards.list.query())[0]?.photoUrl).toBeNull();
    const gone = await send('GET', replaced.photoUrl, { token: office.token });
    expect(gone.status).toBe(404);
    const audit = await database()
      .db.selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', reward.id)
      .where('action', 'like', 'rewards.photo%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'rewards.photo_upload',
      'rewards.photo_upload',
      'rewards.photo_remove',
    ]);
  });

  it('refuses a file that is not a JPEG, PNG or WebP, or is over 5 MB, with a stable code', async () => {
    const { office } = await givenCommunityWithStaff(server, database());
    const reward = await givenReward(office.api);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const text = Buffer.from('not a photo at all');
    const cutShort = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);
    for (const body of [gif, text, cutShort]) {
      const refused = await send('PUT', `/reward-photos/${reward.id}`, {
        token: office.token,
        body,
      });
      expect(refused.status).toBe(400);
      expect(await domainCode(refused)).toBe('PHOTO_NOT_ACCEPTED');
    }
    const huge = Buffer.concat([await picture('jpeg', 100, 100), Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await send('PUT', `/reward-photos/${reward.id}`, {
      token: office.token,
      body: huge,
    });
    expect(tooLarge.status).toBe(400);
    expect(await domainCode(tooLarge)).toBe('PHOTO_TOO_LARGE');
    expect((await office.api.rewards.list.query())[0]?.photoUrl).toBeNull();
  });

  it('lets only the office upload, and only staff and kiosks of the community see it', async () => {
    const home = await givenCommunityWithStaff(server, database());
    const reward = await givenReward(home.office.api);
    const body = await picture('jpeg', 200, 200);
    const leader = await home.leaderOf([]);
    for (const token of [home.auditor.token, leader.token]) {
      const refused = await send('PUT', `/reward-photos/${reward.id}`, { token, body });
      expect(await domainCode(refused)).toBe('FORBIDDEN');
    }
    expect(await domainCode(await send('PUT', `/reward-photos/${reward.id}`, { body }))).toBe(
      'UNAUTHORIZED',
    );
    const uploaded = await send('PUT', `/reward-photos/${reward.id}`, {
      token: home.office.token,
      body,
    });
    const { photoUrl } = (await uploaded.json()) as { photoUrl: string };
    expect((await send('GET', photoUrl, { token: home.auditor.token })).status).toBe(200);
    expect(await domainCode(await send('GET', photoUrl))).toBe('UNAUTHORIZED');

    const other = await givenCommunityWithStaff(server, database());
    const otherKiosk = await givenKiosk(server, database().db, other.communityId);
    for (const token of [other.office.token, otherKiosk.token]) {
      const hidden = await send('GET', photoUrl, { token });
      expect(hidden.status).toBe(404);
    }
    const foreign = await send('PUT', `/reward-photos/${reward.id}`, {
      token: other.office.token,
      body,
    });
    expect(await domainCode(foreign)).toBe('NOT_FOUND');
    const foreignRemoval = await send('DELETE', `/reward-photos/${reward.id}`, {
      token: other.office.token,
    });
    expect(foreignRemoval.status).toBe(404);
    expect((await send('GET', photoUrl, { token: home.office.token })).status).toBe(200);
  });
});
