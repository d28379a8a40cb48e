import type { PollResults, PollSummary, Topic, TopicSummary } from '@tally/domain/deliberation';

// Small factories for the deliberation pages' tests: topics and polls as the service answers them.

export const topicId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function topicSummary(fields: Partial<TopicSummary> = {}): TopicSummary {
  return {
    id: topicId(1),
    kind: 'facilities',
    title: '3号楼无障碍坡道',
    place: '3号楼',
    status: 'raised',
    raisedAt: '2026-12-01T02:00:00.000Z',
    raisedBy: { type: 'resident', name: '王秀英' },
    supporters: 4,
    plannedFor: null,
    dueBy: null,
    overdue: false,
    openPoll: false,
    ...fields,
  };
}

export function topic(fields: Partial<Topic> = {}): Topic {
  return {
    ...topicSummary(),
    body: '坡道太陡，轮椅上不去。',
    declineReason: null,
    mergedInto: null,
    decision: null,
    responsible: null,
    minutes: null,
    decidedAt: null,
    carriedOutAt: null,
    meetings: [],
    polls: [],
    history: [
      {
        kind: 'raised',
        at: '2026-12-01T02:00:00.000Z',
        by: { type: 'resident', name: '王秀英' },
        note: null,
      },
    ],
    ...fields,
  };
}

export function poll(fields: Partial<PollSummary> = {}): PollSummary {
  return {
    id: topicId(50),
    topicId: topicId(1),
    question: { zh: '是否修建坡道？', en: 'Build the ramp?' },
    options: [
      { id: topicId(51), text: { zh: '同意', en: 'Yes' } },
      { id: topicId(52), text: { zh: '不同意', en: 'No' } },
    ],
    eligibility: { ageBands: [], buildings: ['3'] },
    opensAt: '2026-12-01T00:00:00.000Z',
    closesAt: '2026-12-08T10:00:00.000Z',
    secret: true,
    changeable: false,
    state: 'open',
    voters: 7,
    ...fields,
  };
}

export function results(summary: PollSummary, closed: boolean): PollResults {
  return {
    poll: summary,
    topic: { id: summary.topicId, title: '3号楼无障碍坡道', kind: 'facilities' },
    counts: closed
      ? [
          { optionId: topicId(51), votes: 6 },
          { optionId: topicId(52), votes: 1 },
        ]
      : null,
    eligible: 20,
    voters: 7,
    turnout: closed
      ? {
          byAgeBand: [{ group: '60_74', eligible: 12, voters: 6, rate: 0.5 }],
          byBuilding: [{ group: '3', eligible: 20, voters: 7, rate: '<5' }],
        }
      : null,
  };
}
