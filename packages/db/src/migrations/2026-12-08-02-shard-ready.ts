import { type Kysely, sql } from 'kysely';

// Frozen. Ready to shard by community (issue 17, docs/scaling.md): every key of community data
// leads with community_id, so a shard can hold each unique check and each foreign key alone.
//
// Sessions, kiosks and certificates were keyed by a token's hash, a session id or a certificate
// number alone. Each key now leads with the community; where a request arrives without its
// community (a bearer token, a number typed on the public verification page) a plain index on the
// token's hash or the number finds the row. Session tokens are SHA-256 of 32 random bytes, and
// certificate numbers carry 80 random bits, so the same one in two communities does not happen;
// a kiosk device token may be chosen by a person (the demo's), so the service refuses to register
// one already in use anywhere and refuses to sign in with one two kiosks share.
//
// Going down puts the global keys back, and fails if two communities now share a kiosk token.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    // The foreign keys on a phone session's id alone go before the key they point at.
    'alter table activity_sign_ups drop constraint activity_sign_ups_by_phone_session_fkey',
    'alter table correction_requests drop constraint correction_requests_by_phone_session_fkey',

    'alter table phone_sessions drop constraint phone_sessions_pkey',
    'alter table phone_sessions drop constraint phone_sessions_id_key',
    'alter table phone_sessions add constraint phone_sessions_pkey primary key (community_id, token_hash)',
    'alter table phone_sessions add constraint phone_sessions_id_key unique (community_id, id)',
    'create index phone_sessions_token on phone_sessions (token_hash)',
    `alter table activity_sign_ups add constraint activity_sign_ups_by_phone_session_fkey
       foreign key (community_id, by_phone_session) references phone_sessions (community_id, id)`,
    `alter table correction_requests add constraint correction_requests_by_phone_session_fkey
       foreign key (community_id, by_phone_session) references phone_sessions (community_id, id)`,

    'alter table staff_sessions drop constraint staff_sessions_pkey',
    'alter table staff_sessions drop constraint staff_sessions_id_key',
    'alter table staff_sessions add constraint staff_sessions_pkey primary key (community_id, token_hash)',
    'alter table staff_sessions add constraint staff_sessions_id_key unique (community_id, id)',
    'create index staff_sessions_token on staff_sessions (token_hash)',

    // A resident's kiosk session is always looked up with its kiosk, whose community is known by
    // then: the primary key serves, and no index on the token alone is needed.
    'alter table kiosk_sessions drop constraint kiosk_sessions_pkey',
    'alter table kiosk_sessions add constraint kiosk_sessions_pkey primary key (community_id, token_hash)',

    'alter table kiosks drop constraint kiosks_token_hash_key',
    'alter table kiosks add constraint kiosks_token_hash_key unique (community_id, token_hash)',
    'create index kiosks_token on kiosks (token_hash)',

    'alter table certificates drop constraint certificates_number_key',
    'alter table certificates add constraint certificates_number_key unique (community_id, number)',
    'create index certificates_number on certificates (number)',
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'drop index certificates_number',
    'alter table certificates drop constraint certificates_number_key',
    'alter table certificates add constraint certificates_number_key unique (number)',

    'drop index kiosks_token',
    'alter table kiosks drop constraint kiosks_token_hash_key',
    'alter table kiosks add constraint kiosks_token_hash_key unique (token_hash)',

    'alter table kiosk_sessions drop constraint kiosk_sessions_pkey',
    'alter table kiosk_sessions add constraint kiosk_sessions_pkey primary key (token_hash)',

    'drop index staff_sessions_token',
    'alter table staff_sessions drop constraint staff_sessions_id_key',
    'alter table staff_sessions drop constraint staff_sessions_pkey',
    'alter table staff_sessions add constraint staff_sessions_id_key unique (id)',
    'alter table staff_sessions add constraint staff_sessions_pkey primary key (token_hash)',

    'alter table activity_sign_ups drop constraint activity_sign_ups_by_phone_session_fkey',
    'alter table correction_requests drop constraint correction_requests_by_phone_session_fkey',
    'drop index phone_sessions_token',
    'alter table phone_sessions drop constraint phone_sessions_id_key',
    'alter table phone_sessions drop constraint phone_sessions_pkey',
    'alter table phone_sessions add constraint phone_sessions_id_key unique (id)',
    'alter table phone_sessions add constraint phone_sessions_pkey primary key (token_hash)',
    `alter table activity_sign_ups add constraint activity_sign_ups_by_phone_session_fkey
       foreign key (by_phone_session) references phone_sessions (id)`,
    `alter table correction_requests add constraint correction_requests_by_phone_session_fkey
       foreign key (by_phone_session) references phone_sessions (id)`,
  ]);
}
