import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KioskActivity, SignUpRequest } from '../api/kiosk-client';
import { ResidentArea } from '../resident/resident-area';
import { fakeApi, kioskActivity, refusal, renderInLanguage, resident } from '../test/fake-api';

function renderArea(api: ReturnType<typeof fakeApi>, language: 'en' | 'zh' = 'en') {
  renderInLanguage(
    <ResidentArea
      api={api}
      resident={resident}
      communityName="Q Community"
      onResident={() => undefined}
      onSignOut={() => undefined}
    />,
    language,
  );
  fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Activities' : '活动' }));
}

const card = async (title: string) => {
  const heading = await screen.findByRole('heading', { name: title });
  const item = heading.closest('li');
  if (!item) throw new Error(`no card for ${title}`);
  return within(item);
};

describe('activities at the kiosk', () => {
  it('lists what is on in plain words and signs the resident up with one tap', async () => {
    const requests: SignUpRequest[] = [];
    const signUp = vi.fn((input: SignUpRequest) => {
      requests.push(input);
      return Promise.resolve({
        activityId: 'a1',
        residentId: resident.id,
        status: 'signed_up' as const,
        waitingPosition: null,
      });
    });
    renderArea(fakeApi({ activities: () => Promise.resolve([kioskActivity()]), signUp }));

    const health = await card('Volunteers for the free health check');
    health.getByText(/^社区卫生站/);
    health.getByText('Sunshine Volunteers', { exact: false });
    health.getByText('4 places left');
    fireEvent.click(health.getByRole('button', { name: 'Sign up' }));

    await screen.findByRole('heading', { name: 'You are signed up!' });
    screen.getByText(/^You are signed up for “Volunteers for the free health check” on \w+day /);
    screen.getByText('On the day, tap your card at the kiosk by the door to check in.');
    expect(requests).toEqual([{ idempotencyKey: expect.any(String), activityId: 'a1' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Activities you can join' });
  });

  it('puts the resident on the waiting list when every place is taken, and says their number', async () => {
    const full = kioskActivity({ slotsLeft: 0, waitingList: true, joinsWaitingList: true });
    const signUp = vi.fn().mockResolvedValue({
      activityId: 'a1',
      residentId: resident.id,
      status: 'waitlisted',
      waitingPosition: 2,
    });
    renderArea(fakeApi({ activities: () => Promise.resolve([full]), signUp }));
    const health = await card('Volunteers for the free health check');
    health.getByText('Full: you can join the waiting list');
    fireEvent.click(health.getByRole('button', { name: 'Join the waiting list' }));
    await screen.findByRole('heading', { name: 'You are on the waiting list' });
    screen.getByText(/you are on the waiting list: number 2\./);
  });

  it('says in words why an activity cannot be signed up for, with no button to press', async () => {
    const activities: KioskActivity[] = [
      kioskActivity({
        id: 'a1',
        canSignUp: false,
        whyNot: 'ALREADY_SIGNED_UP',
        mySignUp: { status: 'waitlisted', waitingPosition: 2, checkedInAt: null, signedUpBy: null },
      }),
      kioskActivity({
        id: 'a2',
        title: { zh: '青年读书夜', en: 'Young readers’ evening' },
        canSignUp: false,
        whyNot: 'NOT_INVITED',
        campaign: { ruleVersion: 3, bonusPercent: 50, from: '2026-12-01', to: '2026-12-31' },
      }),
      kioskActivity({
        id: 'a3',
        title: { zh: '消防演练', en: 'Fire drill' },
        slots: 8,
        slotsLeft: 0,
        canSignUp: false,
        whyNot: 'ACTIVITY_FULL',
      }),
    ];
    renderArea(fakeApi({ activities: () => Promise.resolve(activities) }), 'zh');
    const health = await card('社区义诊志愿服务');
    health.getByText('您在候补名单上，排第 2 位');
    const readers = await card('青年读书夜');
    readers.getByText('这个活动面向特定年龄或楼栋的居民');
    readers.getByText('加分活动：积分多得 50%，至 12月31日');
    const drill = await card('消防演练');
    expect(drill.getAllByText('名额已满')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: '报名' })).toBeNull();
  });

  it('says a refused sign-up in words and stays on the list', async () => {
    const signUp = vi.fn().mockRejectedValue(refusal('ACTIVITY_FULL'));
    renderArea(fakeApi({ activities: () => Promise.resolve([kioskActivity()]), signUp }));
    const health = await card('Volunteers for the free health check');
    fireEvent.click(health.getByRole('button', { name: 'Sign up' }));
    await health.findByText('Sorry, this activity is full.');
    screen.getByRole('heading', { name: 'Activities you can join' });
  });

  it('pages through more activities than fit, by tapping', async () => {
    const many = Array.from({ length: 5 }, (_, index) =>
      kioskActivity({ id: `a${index}`, title: { zh: `活动${index}`, en: `Activity ${index}` } }),
    );
    renderArea(fakeApi({ activities: () => Promise.resolve(many) }));
    await screen.findByRole('heading', { name: 'Activity 0' });
    expect(screen.queryByRole('heading', { name: 'Activity 4' })).toBeNull();
    screen.getByText('Page 1 of 2');
    fireEvent.click(screen.getByRole('button', { name: 'More activities' }));
    await screen.findByRole('heading', { name: 'Activity 4' });
  });
});

describe('my activities', () => {
  const signedUp = kioskActivity({
    canSignUp: false,
    whyNot: 'ALREADY_SIGNED_UP',
    mySignUp: { status: 'signed_up', waitingPosition: null, checkedInAt: null, signedUpBy: null },
    canCancel: true,
  });
  const rainedOff = kioskActivity({
    id: 'a2',
    title: { zh: '社区菜园播种', en: 'Planting day in the community garden' },
    status: 'cancelled',
    cancelReason: '天气预报有暴雨，活动改期，另行通知。',
    mySignUp: { status: 'signed_up', waitingPosition: null, checkedInAt: null, signedUpBy: null },
    canSignUp: false,
    whyNot: 'ACTIVITY_NOT_OPEN',
    canCancel: true,
  });

  it('shows a cancelled activity plainly, with the organizers’ reason, and nothing to cancel', async () => {
    renderArea(fakeApi({ mySignUps: () => Promise.resolve([signedUp, rainedOff]) }));
    fireEvent.click(screen.getByRole('button', { name: 'My activities' }));
    const planting = await card('Planting day in the community garden');
    planting.getByText('Cancelled by the organizers');
    planting.getByText('Why: 天气预报有暴雨，活动改期，另行通知。');
    expect(planting.queryByRole('button')).toBeNull();
    const health = await card('Volunteers for the free health check');
    health.getByText('You have a place');
  });

  it('cancels a sign-up only when asked twice, then lists what is left', async () => {
    let mine = [signedUp, rainedOff];
    const cancelSignUp = vi.fn(() => {
      mine = [rainedOff];
      return Promise.resolve({
        activityId: 'a1',
        residentId: resident.id,
        cancelled: true,
        movedUp: null,
      });
    });
    renderArea(fakeApi({ mySignUps: () => Promise.resolve(mine), cancelSignUp }));
    fireEvent.click(screen.getByRole('button', { name: 'My activities' }));
    const health = await card('Volunteers for the free health check');
    fireEvent.click(health.getByRole('button', { name: 'Cancel my sign-up' }));
    health.getByText(/Cancel your sign-up for “Volunteers for the free health check”\?/);
    fireEvent.click(health.getByRole('button', { name: 'No, keep it' }));
    expect(cancelSignUp).not.toHaveBeenCalled();

    fireEvent.click(health.getByRole('button', { name: 'Cancel my sign-up' }));
    fireEvent.click(health.getByRole('button', { name: 'Yes, cancel it' }));
    await screen.findByText(
      'Your sign-up for “Volunteers for the free health check” is cancelled.',
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('heading', { name: 'Volunteers for the free health check' }),
      ).toBeNull(),
    );
    expect(cancelSignUp).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      activityId: 'a1',
    });
  });

  it('opens on what is on again after a sign-up’s “See my activities”', async () => {
    const signUp = vi.fn().mockResolvedValue({
      activityId: 'a1',
      residentId: resident.id,
      status: 'signed_up',
      waitingPosition: null,
    });
    renderArea(
      fakeApi({
        activities: () => Promise.resolve([kioskActivity()]),
        mySignUps: () => Promise.resolve([signedUp]),
        signUp,
      }),
      'zh',
    );
    const health = await card('社区义诊志愿服务');
    fireEvent.click(health.getByRole('button', { name: '报名' }));
    fireEvent.click(await screen.findByRole('button', { name: '查看我的活动' }));
    const mine = await card('社区义诊志愿服务');
    mine.getByText('您已报名');
    expect(screen.getByRole('button', { name: '我的活动' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });
});
