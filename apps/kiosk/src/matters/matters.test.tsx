import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RaiseTopicRequest, SupportTopicRequest, VoteRequest } from '../api/kiosk-client';
import { ResidentArea } from '../resident/resident-area';
import {
  fakeApi,
  networkFailure,
  refusal,
  renderInLanguage,
  resident,
  residentPoll,
  residentTopic,
} from '../test/fake-api';

function renderMatters(api: ReturnType<typeof fakeApi>, language: 'en' | 'zh' = 'en') {
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
  fireEvent.click(
    screen.getByRole('button', { name: language === 'en' ? 'Community matters' : '社区议事' }),
  );
}

const tile = (name: RegExp) => fireEvent.click(screen.getByRole('button', { name }));

const card = async (title: string) => {
  const heading = await screen.findByRole('heading', { name: title });
  const item = heading.closest('li');
  if (!item) throw new Error(`no card for ${title}`);
  return within(item);
};

describe('raising a matter at the kiosk', () => {
  it('raises a matter by three taps and a check, once, and thanks the resident', async () => {
    const raised: RaiseTopicRequest[] = [];
    const raiseTopic = vi.fn((input: RaiseTopicRequest) => {
      raised.push(input);
      return Promise.resolve({ id: 't9', status: 'raised' as const });
    });
    renderMatters(fakeApi({ raiseTopic }));
    tile(/^Raise a matter/);
    await screen.findByRole('heading', { name: 'What is it about?' });
    screen.getByText('Step 1 of 3');
    tile(/^Repairs and facilities/);
    await screen.findByRole('heading', { name: 'Where is it?' });
    fireEvent.click(await screen.findByRole('button', { name: 'Building 3' }));
    await screen.findByRole('heading', { name: 'Please check' });
    screen.getByText('You are raising: Repairs and facilities');
    screen.getByText('Where: Building 3');
    const send = screen.getByRole('button', { name: 'Send to the community office' });
    fireEvent.click(send);
    fireEvent.click(send);

    await screen.findByRole('heading', { name: 'Thank you!' });
    screen.getByText('The community office will look at it.');
    expect(raised).toEqual([
      { idempotencyKey: expect.any(String), kind: 'facilities', place: '3' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Community matters' });
  });

  it('raises one not about one place, in Chinese', async () => {
    const raiseTopic = vi.fn().mockResolvedValue({ id: 't9', status: 'raised' });
    renderMatters(fakeApi({ raiseTopic }), 'zh');
    tile(/^提出议题/);
    tile(/^环境卫生/);
    fireEvent.click(await screen.findByRole('button', { name: '不限于一个地方' }));
    await screen.findByText('您要提出：环境卫生');
    fireEvent.click(screen.getByRole('button', { name: '提交给社区办公室' }));
    await screen.findByText('社区办公室会处理这件事。');
    expect(raiseTopic).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      kind: 'environment',
    });
  });

  it('re-sends a raise whose answer was lost under the same key', async () => {
    const keys: string[] = [];
    let calls = 0;
    const raiseTopic = vi.fn((input: RaiseTopicRequest) => {
      keys.push(input.idempotencyKey);
      calls += 1;
      return calls === 1
        ? Promise.reject(networkFailure())
        : Promise.resolve({ id: 't9', status: 'raised' as const });
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderMatters(fakeApi({ raiseTopic }));
      tile(/^Raise a matter/);
      tile(/^Safety/);
      fireEvent.click(await screen.findByRole('button', { name: 'Not about one place' }));
      fireEvent.click(screen.getByRole('button', { name: 'Send to the community office' }));
      await vi.advanceTimersByTimeAsync(1500);
      await screen.findByRole('heading', { name: 'Thank you!' });
    } finally {
      vi.useRealTimers();
    }
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});

describe('matters being discussed', () => {
  it('counts the supporters and takes one support, then says “You support this”', async () => {
    const supports: SupportTopicRequest[] = [];
    const supportTopic = vi.fn((input: SupportTopicRequest) => {
      supports.push(input);
      return Promise.resolve({ id: 't1', supporters: 3, added: true });
    });
    const topics = vi.fn().mockResolvedValue({
      items: [
        residentTopic(),
        residentTopic({
          id: 't2',
          kind: 'environment',
          title: '垃圾分类点太远',
          place: null,
          supporters: 5,
          supportedByMe: true,
        }),
      ],
    });
    renderMatters(fakeApi({ topics, supportTopic }));
    tile(/^Matters being discussed/);
    const repairs = await card('Repairs and facilities');
    repairs.getByText('Building 3');
    repairs.getByText('2 neighbours support this');
    const rubbish = await card('垃圾分类点太远');
    rubbish.getByText('You support this');
    expect(rubbish.queryByRole('button')).toBeNull();

    fireEvent.click(repairs.getByRole('button', { name: 'I support this' }));
    await repairs.findByText('You support this');
    repairs.getByText('3 neighbours support this');
    expect(repairs.queryByRole('button', { name: 'I support this' })).toBeNull();
    expect(supports).toEqual([{ idempotencyKey: expect.any(String), id: 't1' }]);
    expect(topics).toHaveBeenCalledWith({ view: 'open' });
  });

  it('shows my matters at their stage, a declined one with the office’s reason', async () => {
    const topics = vi.fn().mockResolvedValue({
      items: [
        residentTopic({ status: 'accepted', plannedFor: '2026-12-20', raisedByMe: true }),
        residentTopic({
          id: 't3',
          kind: 'other',
          place: null,
          status: 'declined',
          declineReason: '属于物业管理范围，已转物业公司处理。',
          raisedByMe: true,
        }),
      ],
    });
    renderMatters(fakeApi({ topics }));
    tile(/^My matters/);
    const repairs = await card('Repairs and facilities');
    repairs.getByText(/^Accepted: the community will talk it over around /);
    const other = await card('Something else');
    other.getByText('Not taken up');
    other.getByText('属于物业管理范围，已转物业公司处理。');
    expect(topics).toHaveBeenCalledWith({ view: 'mine' });
  });

  it('shows a decision with who is responsible, by when, the latest progress and that it is done', async () => {
    const topics = vi.fn().mockResolvedValue({
      items: [
        residentTopic({
          title: '3号楼无障碍坡道',
          status: 'carried_out',
          decision: '在3号楼东门修建无障碍坡道',
          responsible: '物业公司 李经理',
          dueBy: '2026-11-30',
          progress: { note: '坡道已建成', at: '2026-11-25T08:00:00.000Z' },
          carriedOutAt: '2026-11-25T08:00:00.000Z',
        }),
      ],
    });
    renderMatters(fakeApi({ topics }));
    tile(/^Decisions/);
    const ramp = await card('3号楼无障碍坡道');
    ramp.getByText('在3号楼东门修建无障碍坡道');
    ramp.getByText('物业公司 李经理');
    ramp.getByText('坡道已建成');
    ramp.getByText(/^Carried out on /);
  });
});

describe('votes at the kiosk', () => {
  it('votes in an open ballot after a confirm step and says what was chosen', async () => {
    const votes: VoteRequest[] = [];
    const vote = vi.fn((input: VoteRequest) => {
      votes.push(input);
      return Promise.resolve({
        pollId: 'p1',
        votedAt: new Date().toISOString(),
        optionId: input.optionId,
        changed: false,
      });
    });
    renderMatters(fakeApi({ polls: () => Promise.resolve({ items: [residentPoll()] }), vote }));
    await screen.findByText('1 vote open now');
    tile(/^Votes/);
    const parking = await card('How should the parking spaces be shared?');
    parking.getByText('地面停车位');
    fireEvent.click(parking.getByRole('button', { name: 'By lottery' }));

    await screen.findByRole('heading', { name: 'Please check your vote' });
    screen.getByText('You are voting for “By lottery”. Confirm?');
    expect(vote).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, vote for it' }));

    await screen.findByRole('heading', { name: 'Thank you for voting' });
    screen.getByText('You voted for “By lottery”.');
    expect(votes).toEqual([{ idempotencyKey: expect.any(String), pollId: 'p1', optionId: 'o2' }]);
  });

  it('never repeats the choice of a secret ballot', async () => {
    const vote = vi.fn().mockResolvedValue({
      pollId: 'p1',
      votedAt: new Date().toISOString(),
      optionId: null,
      changed: false,
    });
    renderMatters(
      fakeApi({ polls: () => Promise.resolve({ items: [residentPoll({ secret: true })] }), vote }),
    );
    tile(/^Votes/);
    const parking = await card('How should the parking spaces be shared?');
    parking.getByText('Secret ballot: nobody can see what you chose.');
    fireEvent.click(parking.getByRole('button', { name: 'By building, in turn' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, vote for it' }));
    await screen.findByText('Your vote was counted. It is secret: nobody can see what you chose.');
    expect(screen.queryByText(/By building, in turn/)).toBeNull();
  });

  it('shows a vote already cast: the choice of an open ballot with “Change my vote”, nothing of a secret one', async () => {
    const polls = [
      residentPoll({ voted: true, myOptionId: 'o1', changeable: true }),
      residentPoll({
        id: 'p2',
        question: { zh: '是否增设快递柜？', en: 'Shall we add parcel lockers?' },
        secret: true,
        voted: true,
      }),
    ];
    renderMatters(fakeApi({ polls: () => Promise.resolve({ items: polls }) }));
    tile(/^Votes/);
    const parking = await card('How should the parking spaces be shared?');
    parking.getByText('You voted for “By building, in turn”.');
    fireEvent.click(parking.getByRole('button', { name: 'Change my vote' }));
    parking.getByRole('button', { name: 'By lottery' });
    const lockers = await card('Shall we add parcel lockers?');
    lockers.getByText('You have voted. Your vote is secret.');
    expect(lockers.queryByRole('button')).toBeNull();
  });

  it('changes a vote in an open ballot the office lets residents change, through the same confirm', async () => {
    const vote = vi.fn().mockResolvedValue({
      pollId: 'p1',
      votedAt: new Date().toISOString(),
      optionId: 'o2',
      changed: true,
    });
    const poll = residentPoll({ voted: true, myOptionId: 'o1', changeable: true });
    renderMatters(fakeApi({ polls: () => Promise.resolve({ items: [poll] }), vote }));
    tile(/^Votes/);
    const parking = await card('How should the parking spaces be shared?');
    fireEvent.click(parking.getByRole('button', { name: 'Change my vote' }));
    fireEvent.click(parking.getByRole('button', { name: 'By lottery' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, vote for it' }));
    await screen.findByText('Your vote is changed: you voted for “By lottery”.');
    expect(vote).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      pollId: 'p1',
      optionId: 'o2',
    });
  });

  it('explains kindly who a vote is for instead of the buttons, and shows results once closed', async () => {
    const polls = [
      residentPoll({ eligible: false, eligibility: { ageBands: [], buildings: ['5'] } }),
      residentPoll({
        id: 'p3',
        state: 'closed',
        question: { zh: '坡道选址', en: 'Where should the ramp go?' },
      }),
    ];
    const governance = vi.fn().mockResolvedValue({
      decisions: [],
      polls: [
        {
          pollId: 'p3',
          topicId: 't1',
          topicTitle: null,
          topicKind: 'facilities',
          question: { zh: '坡道选址', en: 'Where should the ramp go?' },
          closesAt: new Date().toISOString(),
          options: [
            { id: 'o1', text: { zh: '东门', en: 'East door' }, votes: 31 },
            { id: 'o2', text: { zh: '西门', en: 'West door' }, votes: 12 },
          ],
          voters: 43,
          eligible: 120,
        },
      ],
    });
    renderMatters(fakeApi({ polls: () => Promise.resolve({ items: polls }), governance }));
    tile(/^Votes/);
    const parking = await card('How should the parking spaces be shared?');
    parking.getByText(/^This vote is for residents of building 5\./);
    expect(parking.queryByRole('button')).toBeNull();
    const ramp = await card('Where should the ramp go?');
    await ramp.findByText('31 votes');
    ramp.getByText('43 of 120 residents voted');
  });

  it('says a refused vote in words and offers the way back', async () => {
    const vote = vi.fn().mockRejectedValue(refusal('ALREADY_VOTED'));
    renderMatters(
      fakeApi({ polls: () => Promise.resolve({ items: [residentPoll()] }), vote }),
      'zh',
    );
    tile(/^投票/);
    const parking = await card('地面停车位怎么分配？');
    fireEvent.click(parking.getByRole('button', { name: '抽签' }));
    fireEvent.click(await screen.findByRole('button', { name: '确定投票' }));
    await screen.findByText('您已经在这项投票中投过票了。');
    expect(screen.queryByRole('button', { name: '确定投票' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '返回投票' }));
    await screen.findByRole('heading', { name: '投票' });
  });
});
