import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  localDay,
  screenshot,
  signedInSession,
  switchLanguage,
} from './helpers';

type Campaign = {
  bonusPercent: number;
  from: string;
  to: string;
  ageBand?: string;
  building?: string;
};
type Rule = { version: number; basePointsPerHour: number; campaign?: Campaign };

// The office's lever for a group that takes part least: the demo runs a campaign for residents
// under 30, and the rule editor must keep it, start new ones and end them.
describe('campaigns in the earning-rule editor', () => {
  const session = signedInSession('office', { path: '/rules', axe: true });
  let token: string;

  beforeAll(async () => {
    token = await apiToken(session.service.url, 'office');
  });

  async function ruleInForce(): Promise<Rule> {
    const answer = await callApi(session.service.url, 'rules.get', { token });
    if (!answer.result) throw new Error(`rules.get failed: ${JSON.stringify(answer.error)}`);
    return answer.result.data as Rule;
  }

  const page = () => session.page;
  const dialog = () => page().getByRole('dialog');
  const inForceHeading = (version: number) =>
    page().getByRole('heading', { name: `In force: version ${version}` });

  it('shows the running campaign and its effect', async () => {
    const rule = await ruleInForce();
    expect(rule.campaign).toMatchObject({ ageBand: 'under_30', bonusPercent: 50 });
    const panel = page().getByRole('region', { name: 'Campaign bonus' });
    await panel.getByText('Running').waitFor();
    await panel.getByText(/^50% more points for people under 30, /).waitFor();
    const effect = panel.getByRole('table', {
      name: 'Participation before and during the campaign',
    });
    await effect.getByRole('rowheader', { name: 'People under 30' }).waitFor();
    await effect.getByRole('rowheader', { name: 'Everyone else' }).waitFor();
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'rules-campaign.en');
  });

  it('keeps the running campaign when the base rate changes', async () => {
    const before = await ruleInForce();
    await inForceHeading(before.version).waitFor();
    const fields = page().getByRole('group', { name: 'Campaign bonus' });
    expect(await fields.getByLabel('Age band').inputValue()).toBe('under_30');
    await page()
      .getByLabel('Base points per hour')
      .fill(String(before.basePointsPerHour + 2));
    await page()
      .getByRole('button', { name: /^Publish version \d+$/ })
      .click();
    await dialog()
      .getByText(/^This version keeps the campaign: 50% more points/)
      .waitFor();
    await dialog().getByRole('button', { name: 'Publish' }).click();
    await inForceHeading(before.version + 1).waitFor();

    const after = await ruleInForce();
    expect(after.version).toBe(before.version + 1);
    expect(after.basePointsPerHour).toBe(before.basePointsPerHour + 2);
    expect(after.campaign).toEqual(before.campaign);
  });

  it('starts a campaign from the report of who is missing, then ends it today', async () => {
    const before = await ruleInForce();
    await page().goto(`${session.service.url}/admin/reports`);
    const callout = page().getByRole('region', { name: 'Who is missing' });
    const link = callout.getByRole('link', { name: /^Start a campaign for this group/ }).first();
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    const group = Object.fromEntries(new URL(href, 'http://x').searchParams) as {
      ageBand?: string;
      building?: string;
    };
    expect(group.ageBand ?? group.building).toBeTruthy();
    await link.click();

    await page()
      .getByText(/^Filled in from the report for /)
      .waitFor();
    const fields = page().getByRole('group', { name: 'Campaign bonus' });
    if (group.ageBand) expect(await fields.getByLabel('Age band').inputValue()).toBe(group.ageBand);
    if (group.building) {
      expect(await fields.getByLabel('Building', { exact: true }).inputValue()).toBe(
        group.building,
      );
    }
    expect(await fields.getByLabel('First day').inputValue()).toBe(localDay(0));
    await fields.getByLabel('Bonus (%)').fill('30');
    await page()
      .getByRole('button', { name: /^Publish version \d+$/ })
      .click();
    await dialog().getByRole('button', { name: 'Publish' }).click();
    await inForceHeading(before.version + 1).waitFor();
    expect(page().url()).toMatch(/\/rules$/);

    const started = await ruleInForce();
    expect(started.campaign).toEqual({
      bonusPercent: 30,
      from: localDay(0),
      to: localDay(29),
      ...group,
    });
    expect(started.basePointsPerHour).toBe(before.basePointsPerHour);

    const panel = page().getByRole('region', { name: 'Campaign bonus' });
    await panel.getByRole('button', { name: 'End the campaign today' }).click();
    await dialog()
      .getByText(/last day set to today/)
      .waitFor();
    await dialog().getByRole('button', { name: 'End campaign' }).click();
    await inForceHeading(before.version + 2).waitFor();
    const ended = await ruleInForce();
    expect(ended.campaign).toEqual({ ...started.campaign, to: localDay(0) });
  });

  it('reads in Chinese', async () => {
    await page().goto(`${session.service.url}/admin/rules`);
    await switchLanguage(page(), 'zh');
    const panel = page().getByRole('region', { name: '加分活动' });
    await panel.getByText('活动前后的参与情况').waitFor();
    await page().getByRole('group', { name: '加分活动' }).getByLabel('加分比例（%）').waitFor();
    await screenshot(page(), 'rules-campaign.zh');
    await switchLanguage(page(), 'en');
    expect(session.errors).toEqual([]);
  });
});
