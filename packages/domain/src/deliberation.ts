import { z } from 'zod';
import { AgeBand } from './age-bands';
import { Moment } from './calendar';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText, localizedNameInput } from './localized-text';
import { PageInput } from './pagination';
import { Cell } from './reports';
import { Building } from './residents';

// Community deliberation (议事协商, issue 15): residents raise topics that concern them, the
// office triages them, the community consults in meetings (activities of category
// community affairs), decides, carries the decision out and reports back in public; a topic may
// go to a poll of the residents it concerns.

// ---- Topics ----

/**
 * What a topic is about. At the kiosk, which has no keyboard, a resident raises a topic by
 * choosing one of these (and the place); the office or the phone may add a title and text.
 */
export const topicKinds = [
  'safety',
  'environment',
  'facilities',
  'neighbours',
  'services',
  'other',
] as const;
export const TopicKind = z.enum(topicKinds);
export type TopicKind = z.infer<typeof TopicKind>;

export const topicKindLabels: Record<TopicKind, LocalizedText> = {
  safety: { zh: '安全隐患', en: 'Safety' },
  environment: { zh: '环境卫生', en: 'Cleanliness and environment' },
  facilities: { zh: '设施维修', en: 'Repairs and facilities' },
  neighbours: { zh: '邻里关系', en: 'Neighbours' },
  services: { zh: '便民服务', en: 'Services for residents' },
  other: { zh: '其他事项', en: 'Something else' },
};

/**
 * raised → accepted → consulted → decided → carried_out, or declined / merged from raised.
 * Closing a consultation meeting moves an accepted topic to consulted; a decision may be
 * recorded on an accepted or consulted topic.
 */
export const topicStatuses = [
  'raised',
  'accepted',
  'consulted',
  'decided',
  'carried_out',
  'declined',
  'merged',
] as const;
export const TopicStatus = z.enum(topicStatuses);
export type TopicStatus = z.infer<typeof TopicStatus>;

/** Topics still to be worked on, as the office's list shows them first. */
export const openTopicStatuses: readonly TopicStatus[] = [
  'raised',
  'accepted',
  'consulted',
  'decided',
];

export const TOPIC_TITLE_MAX = 100;
export const TOPIC_BODY_MAX = 2000;
export const TOPIC_NOTE_MAX = 2000;
export const TOPIC_MINUTES_MAX = 5000;

const TopicTitle = z.string().trim().min(1, 'Give the topic a title').max(TOPIC_TITLE_MAX);
const TopicBody = z.string().trim().max(TOPIC_BODY_MAX);
const TopicPlace = z.string().trim().min(1).max(100);

/** The office or a leader raises a topic, for themselves or on a resident's behalf. */
export const RaiseTopicInput = z.object({
  idempotencyKey: IdempotencyKey,
  title: TopicTitle,
  body: TopicBody.default(''),
  place: TopicPlace.optional(),
  kind: TopicKind.default('other'),
  /** The resident who brought it to the office, when staff type it for them. */
  onBehalfOf: Id.optional(),
});
export type RaiseTopicInput = z.infer<typeof RaiseTopicInput>;

/** A resident raises a topic at the kiosk: a kind and where, chosen by taps. */
export const KioskRaiseTopicInput = z.object({
  idempotencyKey: IdempotencyKey,
  kind: TopicKind,
  place: TopicPlace.optional(),
});
export type KioskRaiseTopicInput = z.infer<typeof KioskRaiseTopicInput>;

/** A resident raises a topic on the phone: a kind, and their own words if they like. */
export const MeRaiseTopicInput = z.object({
  idempotencyKey: IdempotencyKey,
  kind: TopicKind,
  title: TopicTitle.optional(),
  body: TopicBody.default(''),
  place: TopicPlace.optional(),
});
export type MeRaiseTopicInput = z.infer<typeof MeRaiseTopicInput>;

export const SupportTopicInput = z.object({ idempotencyKey: IdempotencyKey, id: Id });
export type SupportTopicInput = z.infer<typeof SupportTopicInput>;
export const SupportTopicOutput = z.object({
  id: Id,
  supporters: z.number().int().nonnegative(),
  /** False when this resident had already supported it: one support per resident. */
  added: z.boolean(),
});
export type SupportTopicOutput = z.infer<typeof SupportTopicOutput>;

export const ListTopicsInput = PageInput.extend({
  status: TopicStatus.optional(),
  /** Only decided topics past their "by when" and not yet carried out. */
  overdue: z.boolean().optional(),
});
export type ListTopicsInput = z.infer<typeof ListTopicsInput>;

export const GetTopicInput = z.object({ id: Id });

export const triageDecisions = ['accept', 'merge', 'decline'] as const;
export const TriageDecision = z.enum(triageDecisions);

export const TriageTopicInput = z
  .object({
    idempotencyKey: IdempotencyKey,
    id: Id,
    decision: TriageDecision,
    /** Required to decline (the raiser reads it); optional otherwise. */
    reason: z.string().trim().max(500).optional(),
    /** The topic this one joins, to merge. */
    mergeInto: Id.optional(),
    /** When the community plans to consult on it, to accept. */
    plannedFor: z.iso.date().optional(),
  })
  .superRefine((input, context) => {
    if (input.decision === 'decline' && !input.reason)
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say why it is declined: the resident who raised it reads this',
      });
    if (input.decision === 'merge' && !input.mergeInto)
      context.addIssue({
        code: 'custom',
        path: ['mergeInto'],
        message: 'Choose the topic to merge it into',
      });
    if (input.decision === 'merge' && input.mergeInto === input.id)
      context.addIssue({
        code: 'custom',
        path: ['mergeInto'],
        message: 'A topic cannot be merged into itself',
      });
  });
export type TriageTopicInput = z.infer<typeof TriageTopicInput>;

/** Links a consultation meeting (an activity of category community affairs) to a topic. */
export const LinkMeetingInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  activityId: Id,
});
export type LinkMeetingInput = z.infer<typeof LinkMeetingInput>;

/**
 * What the meeting decided, who carries it out and by when. The minutes say which views were
 * put and by whom; never how a named person voted.
 */
export const RecordDecisionInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  decision: z.string().trim().min(1, 'Write down the decision').max(TOPIC_NOTE_MAX),
  responsible: z.string().trim().min(1, 'Say who is responsible').max(100),
  dueBy: z.iso.date(),
  minutes: z.string().trim().max(TOPIC_MINUTES_MAX).optional(),
});
export type RecordDecisionInput = z.infer<typeof RecordDecisionInput>;

/** Progress on a decided topic, in public; `done` marks it carried out. */
export const ReportProgressInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  note: z.string().trim().min(1, 'Say what was done').max(TOPIC_NOTE_MAX),
  done: z.boolean().default(false),
});
export type ReportProgressInput = z.infer<typeof ReportProgressInput>;

export const topicEventKinds = [
  'raised',
  'accepted',
  'merged',
  'declined',
  'meeting_linked',
  'consulted',
  'decided',
  'progress',
  'carried_out',
] as const;
export const TopicEventKind = z.enum(topicEventKinds);
export type TopicEventKind = z.infer<typeof TopicEventKind>;

/** Who did something to a topic, by name: the office, a leader, or a resident (shown as agreed). */
export const TopicActor = z.object({
  type: z.enum(['staff', 'resident', 'system']),
  name: z.string(),
});
export type TopicActor = z.infer<typeof TopicActor>;

/** One step of a topic's history: who, when and why. */
export const TopicEvent = z.object({
  kind: TopicEventKind,
  at: z.iso.datetime({ offset: true }),
  by: TopicActor,
  /** The reason, the decision, the progress note, or the meeting's title. */
  note: z.string().nullable(),
});
export type TopicEvent = z.infer<typeof TopicEvent>;

export const TopicSummary = z.object({
  id: Id,
  kind: TopicKind,
  /** As written; null for a topic raised at the kiosk by kind only (show the kind's label). */
  title: z.string().nullable(),
  place: z.string().nullable(),
  status: TopicStatus,
  raisedAt: z.iso.datetime({ offset: true }),
  /** "A resident" for a resident who did not agree to be named on public screens. */
  raisedBy: TopicActor,
  supporters: z.number().int().nonnegative(),
  plannedFor: z.iso.date().nullable(),
  dueBy: z.iso.date().nullable(),
  /** Decided, past its "by when" in the community's calendar, not yet carried out. */
  overdue: z.boolean(),
  /** A poll open now on this topic. */
  openPoll: z.boolean(),
});
export type TopicSummary = z.infer<typeof TopicSummary>;

export const TopicPage = z.object({
  items: z.array(TopicSummary),
  nextCursor: z.string().nullable(),
});

export const TopicMeeting = z.object({
  activityId: Id,
  title: LocalizedText,
  startsAt: z.iso.datetime({ offset: true }),
  place: z.string(),
  status: z.string(),
  attended: z.number().int().nonnegative(),
});

export const Topic = TopicSummary.extend({
  body: z.string(),
  declineReason: z.string().nullable(),
  mergedInto: z.object({ id: Id, title: z.string().nullable(), kind: TopicKind }).nullable(),
  decision: z.string().nullable(),
  responsible: z.string().nullable(),
  minutes: z.string().nullable(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  carriedOutAt: z.iso.datetime({ offset: true }).nullable(),
  meetings: z.array(TopicMeeting),
  polls: z.array(z.lazy(() => PollSummary)),
  history: z.array(TopicEvent),
});
export type Topic = z.infer<typeof Topic>;

/** A topic as a resident sees it (kiosk, phone): with whether they support it. */
export const ResidentTopic = TopicSummary.extend({
  body: z.string(),
  declineReason: z.string().nullable(),
  decision: z.string().nullable(),
  responsible: z.string().nullable(),
  /** The newest progress note, if any. */
  progress: z.object({ note: z.string(), at: z.iso.datetime({ offset: true }) }).nullable(),
  carriedOutAt: z.iso.datetime({ offset: true }).nullable(),
  supportedByMe: z.boolean(),
  raisedByMe: z.boolean(),
});
export type ResidentTopic = z.infer<typeof ResidentTopic>;

export const ResidentTopicsInput = z.object({
  /** `open`: raised or being worked on (to support); `decided`: decisions and follow-up. */
  view: z.enum(['open', 'decided', 'mine']).default('open'),
});
export const ResidentTopics = z.object({ items: z.array(ResidentTopic) });

// ---- Polls ----

export const POLL_MIN_OPTIONS = 2;
export const POLL_MAX_OPTIONS = 6;

/**
 * Who may vote: residents in one of `ageBands` (by birth year, in the year the poll opens) and
 * living in one of `buildings`; an empty list does not limit. Left out: every resident.
 */
export const PollEligibility = z.object({
  ageBands: z.array(AgeBand).max(5).default([]),
  buildings: z.array(Building).max(100).default([]),
});
export type PollEligibility = z.infer<typeof PollEligibility>;

const PollOptionInput = localizedNameInput({ max: 100, message: 'Give every option a text' });

export const OpenPollInput = z
  .object({
    idempotencyKey: IdempotencyKey,
    topicId: Id,
    question: localizedNameInput({ max: 200, message: 'Ask the question' }),
    options: z
      .array(PollOptionInput)
      .min(POLL_MIN_OPTIONS, `Give at least ${POLL_MIN_OPTIONS} options`)
      .max(POLL_MAX_OPTIONS, `Give at most ${POLL_MAX_OPTIONS} options`),
    eligibility: PollEligibility.optional(),
    opensAt: Moment,
    closesAt: Moment,
    /** A secret ballot keeps who voted apart from what was chosen, for good. */
    secret: z.boolean(),
    /**
     * Whether a resident may change their vote until the poll closes. Only an open ballot: a
     * secret one keeps nothing that could find a resident's earlier choice to undo it.
     */
    changeable: z.boolean().default(false),
  })
  .superRefine((input, context) => {
    if (Date.parse(input.closesAt) <= Date.parse(input.opensAt))
      context.addIssue({
        code: 'custom',
        path: ['closesAt'],
        message: 'The poll must close after it opens',
      });
    if (input.secret && input.changeable)
      context.addIssue({
        code: 'custom',
        path: ['changeable'],
        message: 'A vote in a secret ballot cannot be changed',
      });
  });
export type OpenPollInput = z.infer<typeof OpenPollInput>;

export const ClosePollInput = z.object({ idempotencyKey: IdempotencyKey, id: Id });
export const PollResultsInput = z.object({ id: Id });

export const VoteInput = z.object({ idempotencyKey: IdempotencyKey, pollId: Id, optionId: Id });
export type VoteInput = z.infer<typeof VoteInput>;

/** What the voter is told. A secret ballot's answer never repeats the choice. */
export const VoteOutput = z.object({
  pollId: Id,
  votedAt: z.iso.datetime({ offset: true }),
  /** The option chosen: only for an open ballot. */
  optionId: Id.nullable(),
  changed: z.boolean(),
});
export type VoteOutput = z.infer<typeof VoteOutput>;

export const PollOption = z.object({ id: Id, text: LocalizedText });

export const pollStates = ['scheduled', 'open', 'closed'] as const;
export const PollState = z.enum(pollStates);
export type PollState = z.infer<typeof PollState>;

export const PollSummary = z.object({
  id: Id,
  topicId: Id,
  question: LocalizedText,
  options: z.array(PollOption),
  eligibility: z.object({ ageBands: z.array(AgeBand), buildings: z.array(z.string()) }),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  secret: z.boolean(),
  changeable: z.boolean(),
  state: PollState,
  /** How many residents have voted so far (never what they chose, before the close). */
  voters: z.number().int().nonnegative(),
});
export type PollSummary = z.infer<typeof PollSummary>;

/** A poll as the resident sees it at the kiosk or on the phone. */
export const ResidentPoll = PollSummary.extend({
  topicTitle: z.string().nullable(),
  topicKind: TopicKind,
  /** Whether this resident has voted, and (open ballot only) for what. */
  voted: z.boolean(),
  myOptionId: Id.nullable(),
  eligible: z.boolean(),
});
export type ResidentPoll = z.infer<typeof ResidentPoll>;
export const ResidentPolls = z.object({ items: z.array(ResidentPoll) });

export const TurnoutGroup = z.object({
  group: z.string(),
  eligible: Cell,
  voters: Cell,
  rate: Cell,
});

/** A poll's outcome: counts per option after the close only, with turnout by group. */
export const PollResults = z.object({
  poll: PollSummary,
  topic: z.object({ id: Id, title: z.string().nullable(), kind: TopicKind }),
  /** Null until the poll has closed: no one sees a count while residents still vote. */
  counts: z.array(z.object({ optionId: Id, votes: z.number().int().nonnegative() })).nullable(),
  eligible: z.number().int().nonnegative(),
  voters: z.number().int().nonnegative(),
  turnout: z
    .object({
      byAgeBand: z.array(TurnoutGroup),
      byBuilding: z.array(TurnoutGroup),
    })
    .nullable(),
});
export type PollResults = z.infer<typeof PollResults>;

// ---- The public board ----

/** What the notice board shows of deliberation: decisions and their follow-up, and poll results. */
export const GovernanceBoard = z.object({
  decisions: z.array(
    z.object({
      topicId: Id,
      kind: TopicKind,
      title: z.string().nullable(),
      place: z.string().nullable(),
      status: TopicStatus,
      decision: z.string(),
      responsible: z.string(),
      dueBy: z.iso.date(),
      /** What the meeting heard: the views put and by whom (never how a named person voted). */
      minutes: z.string().nullable(),
      decidedAt: z.iso.datetime({ offset: true }),
      progress: z.array(z.object({ note: z.string(), at: z.iso.datetime({ offset: true }) })),
      carriedOutAt: z.iso.datetime({ offset: true }).nullable(),
      overdue: z.boolean(),
    }),
  ),
  polls: z.array(
    z.object({
      pollId: Id,
      topicId: Id,
      topicTitle: z.string().nullable(),
      topicKind: TopicKind,
      question: LocalizedText,
      closesAt: z.iso.datetime({ offset: true }),
      options: z.array(z.object({ id: Id, text: LocalizedText, votes: z.number().int() })),
      voters: z.number().int().nonnegative(),
      eligible: z.number().int().nonnegative(),
    }),
  ),
});
export type GovernanceBoard = z.infer<typeof GovernanceBoard>;

/** The title a reader sees: as written, or the kind's label for a topic raised by kind only. */
export function topicTitle(
  topic: { title: string | null; kind: TopicKind },
  language: 'zh' | 'en',
): string {
  if (topic.title) return topic.title;
  const label = topicKindLabels[topic.kind];
  return label[language] || label.zh;
}
