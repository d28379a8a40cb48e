import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Organization, UpdateOrganizationInput } from '@tally/domain/organizations';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { changedTexts } from '../common/changed-texts';
import { runStaffWrite } from '../common/use-case';
import { uniqueViolationAs } from '../residents/unique-violation';
import { getOrganization } from './list-organizations';

const duplicate = () =>
  new DomainError('DUPLICATE', 'An organization with that name already exists.');

/**
 * The office renames an organization (and may reword its description). Names stay unique in
 * the community in each language given: the database's two partial unique indexes refuse a
 * name another organization holds, and that refusal is the office's DUPLICATE.
 */
export async function renameOrganization(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id, name, description },
  }: { staff: StaffActor; origin: string; input: UpdateOrganizationInput },
): Promise<Organization> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'organizations.update',
      key: idempotencyKey,
      request: { id, name, description },
    },
    async (trx) => {
      const current = await trx
        .selectFrom('organizations')
        .select(['name_zh', 'name_en', 'description_zh', 'description_en'])
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new DomainError('NOT_FOUND', 'That organization could not be found.');
      await uniqueViolationAs('organizations_name_zh', duplicate, () =>
        uniqueViolationAs('organizations_name_en', duplicate, () =>
          trx
            .updateTable('organizations')
            .set({
              name_zh: name.zh,
              name_en: name.en,
              ...(description
                ? { description_zh: description.zh, description_en: description.en }
                : {}),
            })
            .where('community_id', '=', communityId)
            .where('id', '=', id)
            .execute(),
        ),
      );
      const before = { zh: current.name_zh, en: current.name_en };
      const changed = changedTexts({
        name: { before, after: name },
        description: {
          before: { zh: current.description_zh, en: current.description_en },
          after: description,
        },
      });
      return {
        result: await getOrganization(trx, { communityId, id }),
        audit: { target: { type: 'organization', id }, details: { before, after: name, changed } },
      };
    },
  );
}
