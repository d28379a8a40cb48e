import type { Database } from '@tally/db/schema';
import { type TopicKind, topicKindLabels } from '@tally/domain/deliberation';
import type { LocalizedText } from '@tally/domain/localized-text';
import { type Kysely, sql } from 'kysely';

/** A topic raised by kind only (at the kiosk) is named by its kind, in each language. */
const KIND = 'kind:';

function kindLabelled(name: LocalizedText): LocalizedText {
  if (!name.zh.startsWith(KIND)) return name;
  const kind = name.zh.slice(KIND.length) as TopicKind;
  return topicKindLabels[kind] ?? name;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id an audit entry mentions: its target and any UUID in its details, however nested. */
export function idsMentioned(entry: { target_id: string | null; details: unknown }): string[] {
  const ids: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (UUID.test(value)) ids.push(value);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(entry.target_id);
  visit(entry.details);
  return ids;
}

/**
 * The names of these ids among the community's residents (name and card), staff, kiosks,
 * organizations, rewards, goals, activities, service records (the activity), topics (their title,
 * or kind) and polls (the question), in one query. An id of
 * another community, or of nothing named, is left out: the reader sees a short id instead.
 */
export async function namesOf(
  db: Kysely<Database>,
  communityId: string,
  ids: string[],
): Promise<Map<string, LocalizedText>> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return new Map();
  const among = sql.join(unique);
  // People's names and what people typed read the same in both languages; what the office named
  // in each language comes in each.
  const { rows } = await sql<{ id: string; zh: string; en: string }>`
    select id::text as id, name || ' · ' || card_number as zh, name || ' · ' || card_number as en
      from residents where community_id = ${communityId} and id in (${among})
    union all
    select id::text, display_name, display_name from staff_users
     where community_id = ${communityId} and id in (${among})
    union all
    select id::text, name, name from kiosks where community_id = ${communityId} and id in (${among})
    union all
    select id::text, name, name from family_members
     where community_id = ${communityId} and id in (${among})
    union all
    select id::text, name_zh, name_en from organizations
     where community_id = ${communityId} and id in (${among})
    union all
    select id::text, name_zh, name_en from rewards
     where community_id = ${communityId} and id in (${among})
    union all
    select id::text, title_zh, title_en from goals
     where community_id = ${communityId} and id in (${among})
    union all
    select id::text, title_zh, title_en from activities
     where community_id = ${communityId} and id in (${among})
    union all
    select id::text, activity_title, activity_title from service_records
     where community_id = ${communityId} and id in (${among})
    union all
    select id::text, coalesce(title, ${KIND} || kind), coalesce(title, ${KIND} || kind) from topics
     where community_id = ${communityId} and id in (${among})
    union all
    select id::text, question_zh, question_en from polls
     where community_id = ${communityId} and id in (${among})`.execute(db);
  return new Map(rows.map((row) => [row.id, kindLabelled({ zh: row.zh, en: row.en })]));
}
