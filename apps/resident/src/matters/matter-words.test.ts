import { topicKinds as domainKinds, topicKindLabels } from '@tally/domain/deliberation';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { createI18n } from '../i18n/i18n';
import { zh } from '../i18n/zh';
import { isBuildingNumber, stageText, topicKinds } from './matter-words';

describe('a matter in words', () => {
  it("names each kind as the domain does, in both languages (the app's copy keeps zod out of its bundle)", () => {
    expect(topicKinds).toEqual(domainKinds);
    for (const kind of domainKinds) {
      expect(en.matters.kinds[kind]).toBe(topicKindLabels[kind].en);
      expect(zh.matters.kinds[kind]).toBe(topicKindLabels[kind].zh);
    }
  });

  it('words a building number, and leaves a typed place as written', () => {
    expect(isBuildingNumber('3')).toBe(true);
    expect(isBuildingNumber('12A')).toBe(true);
    expect(isBuildingNumber('东门')).toBe(false);
    expect(isBuildingNumber('3号楼')).toBe(false);
  });

  it('says when an accepted matter is to be discussed', () => {
    const { t } = createI18n('en');
    expect(stageText(t, { status: 'accepted', plannedFor: '2026-12-20' }, 'en')).toBe(
      'Accepted: to be discussed · Discussion planned for 20 Dec',
    );
    expect(stageText(t, { status: 'carried_out', plannedFor: '2026-12-20' }, 'en')).toBe(
      'Carried out',
    );
  });
});
