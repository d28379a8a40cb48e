import { describe, expect, it } from 'vitest';
import { phoneActivityLink, phoneAppLink } from './phone-app-links';

describe('links to the residents’ phone app', () => {
  it('opens the app at /me/ on the address the kiosk or office is reached by', () => {
    expect(phoneAppLink('http://tally-office.lan:3000')).toBe('http://tally-office.lan:3000/me/');
  });

  it('opens an activity on its own page, its id kept whole', () => {
    expect(phoneActivityLink('https://tally.example.org', 'a 1')).toBe(
      'https://tally.example.org/me/activities/a%201',
    );
  });
});
