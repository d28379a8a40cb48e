import type { GroupParticipation, UnderRepresentedGroup } from '@tally/domain/reports';
import { describe, expect, it } from 'vitest';
import { formatterFor } from '../../i18n/format';
import { createI18n, type Language } from '../../i18n/i18n';
import { groupLabels } from './group-labels';
import { campaignAddress, underRepresentedSentence } from './under-represented';

const total: GroupParticipation = { group: 'all', residents: 60, participants: 45, rate: 0.75 };

function sentence(group: UnderRepresentedGroup, language: Language) {
  const i18n = createI18n(language);
  return underRepresentedSentence(group, total, {
    t: i18n.t,
    format: formatterFor(language),
    labels: groupLabels(i18n.t, language),
  });
}

describe('the callout of who is missing', () => {
  const ages: UnderRepresentedGroup = {
    dimension: 'age_band',
    group: '30_44',
    residents: 18,
    participants: 9,
    rate: 0.5,
    overallRate: 0.75,
  };

  it('compares a group’s share of residents with its share of participants', () => {
    expect(sentence(ages, 'en')).toBe(
      'People aged 30–44 are 30% of residents but 20% of participants: 50% of them took part, against 75% overall.',
    );
    expect(sentence(ages, 'zh')).toBe(
      '30–44岁的居民占全部居民的30%，却只占参与者的20%：其中50%参与了服务，整体参与率为75%。',
    );
  });

  it('names a building and gives no figure about its hidden participants', () => {
    const building: UnderRepresentedGroup = {
      dimension: 'building',
      group: '7',
      residents: 5,
      participants: '<5',
      rate: '<5',
      overallRate: 0.75,
    };
    expect(sentence(building, 'en')).toBe(
      'Residents of Building 7 (5 residents): fewer than five of them took part, against 75% overall.',
    );
    expect(sentence(building, 'zh')).toBe(
      '7号楼的居民共5人，参与服务的不足5人，而整体参与率为75%。',
    );
  });

  it('says plainly who is missing when the overall rate is hidden too', () => {
    expect(sentence({ ...ages, overallRate: '<5' }, 'en')).toBe(
      'People aged 30–44 take part less often than the community as a whole.',
    );
  });
});

describe('starting a campaign from the callout', () => {
  it('opens the rule editor for the age band or the building', () => {
    expect(campaignAddress({ dimension: 'age_band', group: 'under_30' })).toBe(
      '/rules?ageBand=under_30',
    );
    expect(campaignAddress({ dimension: 'building', group: '7 East' })).toBe(
      '/rules?building=7+East',
    );
  });
});
