import { type Kysely, sql } from 'kysely';

// Frozen. Names are stored per language (issue 11): each name and description of a reward,
// goal, organization and community gets a Chinese and an English column. Until now they were
// one string the office often wrote in both languages at once ("Rice · 大米", "中文 · English",
// "Northeast rice. 东北大米。"), and screens split it by guessing. Here the old text is split
// once, where it plainly is two halves; anything else is kept whole in the column of the
// language it is written in (any Han character: Chinese), so "KTV 欢唱券" stays whole in zh.
// The old single columns are dropped, so nothing can read them any more.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** Each table's bilingual columns: the old column and the new pair made from it. */
const columns: [table: string, column: string, required: boolean][] = [
  ['communities', 'name', true],
  ['organizations', 'name', true],
  ['organizations', 'description', false],
  ['rewards', 'name', true],
  ['rewards', 'description', false],
  ['goals', 'title', true],
  ['goals', 'description', false],
];

// The split, written once for this migration and dropped at its end. Returns {zh, en}.
const splitFunction = String.raw`
  create function names_per_language_split(whole text) returns text[]
  language plpgsql immutable as $$
  declare
    han constant text := '[\u3400-\u9fff\uf900-\ufaff]';
    latin constant text := '[A-Za-z]';
    halves text[];
    before_han text;
    rest text;
  begin
    whole := btrim(coalesce(whole, ''));
    if whole = '' then return array['', '']; end if;
    -- "English · 中文" or "中文 · English"
    halves := regexp_split_to_array(whole, '\s+·\s+');
    if array_length(halves, 1) = 2 then
      if halves[1] ~ latin and halves[1] !~ han and halves[2] ~ han then
        return array[btrim(halves[2]), btrim(halves[1])];
      end if;
      if halves[2] ~ latin and halves[2] !~ han and halves[1] ~ han then
        return array[btrim(halves[1]), btrim(halves[2])];
      end if;
    end if;
    -- "English sentence. 中文句子。": an English sentence first, then Chinese from the first
    -- Han character on, with no English words in it (short ones like kg or KTV aside).
    before_han := substring(whole from '^[^\u3400-\u9fff\uf900-\ufaff]*');
    rest := btrim(substr(whole, length(before_han) + 1));
    before_han := btrim(before_han);
    if before_han ~ latin and before_han ~ '[.!?]$' and rest ~ han
       and regexp_replace(rest, '\m[A-Za-z]{1,3}\M', '', 'g') !~ latin then
      return array[rest, before_han];
    end if;
    if whole ~ han then return array[whole, '']; end if;
    return array['', whole];
  end
  $$
`;

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [splitFunction]);
  for (const [table, column, required] of columns) {
    await run(db, [
      `alter table ${table} add column ${column}_zh text not null default '',
                            add column ${column}_en text not null default ''`,
      `update ${table} set ${column}_zh = (names_per_language_split(${column}))[1],
                           ${column}_en = (names_per_language_split(${column}))[2]`,
      `alter table ${table} drop column ${column}`,
    ]);
    if (required)
      await run(db, [
        `alter table ${table} add constraint ${table}_${column}_given
           check (${column}_zh <> '' or ${column}_en <> '')`,
      ]);
  }
  await run(db, [
    // An organization's name is unique in its community in each language it is given in.
    `create unique index organizations_name_zh on organizations (community_id, name_zh)
       where name_zh <> ''`,
    `create unique index organizations_name_en on organizations (community_id, name_en)
       where name_en <> ''`,
    // The reward history keeps each change's terms; its names take the same shape.
    ...['before', 'after'].map(
      (side) => `
      update reward_changes
         set ${side} = ${side} - 'name' - 'description'
           || jsonb_build_object(
                'name', jsonb_build_object(
                  'zh', (names_per_language_split(${side} ->> 'name'))[1],
                  'en', (names_per_language_split(${side} ->> 'name'))[2]),
                'description', jsonb_build_object(
                  'zh', (names_per_language_split(${side} ->> 'description'))[1],
                  'en', (names_per_language_split(${side} ->> 'description'))[2]))
       where ${side} is not null and jsonb_typeof(${side} -> 'name') = 'string'`,
    ),
    'drop function names_per_language_split(text)',
  ]);
}

/** Back to one column: both halves joined as "English · 中文" where both are given. */
export async function down(db: Kysely<any>): Promise<void> {
  const joined = (zh: string, en: string) =>
    `case when ${zh} <> '' and ${en} <> '' then ${en} || ' · ' || ${zh} else ${zh} || ${en} end`;
  await run(db, ['drop index organizations_name_zh', 'drop index organizations_name_en']);
  for (const [table, column] of columns) {
    await run(db, [
      `alter table ${table} add column ${column} text not null default ''`,
      `update ${table} set ${column} = ${joined(`${column}_zh`, `${column}_en`)}`,
      `alter table ${table} drop column ${column}_zh, drop column ${column}_en`,
    ]);
  }
  await run(db, [
    'alter table organizations add constraint organizations_community_id_name_key unique (community_id, name)',
    ...['before', 'after'].map((side) => {
      const half = (field: string, language: string) =>
        `coalesce(${side} -> '${field}' ->> '${language}', '')`;
      return `
      update reward_changes
         set ${side} = ${side} - 'name' - 'description'
           || jsonb_build_object(
                'name', ${joined(half('name', 'zh'), half('name', 'en'))},
                'description', ${joined(half('description', 'zh'), half('description', 'en'))})
       where ${side} is not null and jsonb_typeof(${side} -> 'name') = 'object'`;
    }),
  ]);
}
