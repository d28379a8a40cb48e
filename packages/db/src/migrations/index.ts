import type { Migration } from 'kysely';
import * as ledgerCore from './2026-11-27-01-ledger-core';
import * as communityProgramme from './2026-11-27-02-community-programme';
import * as firstParticipation from './2026-11-27-04-first-participation';
import * as rewardsAndKioskIndexes from './2026-11-27-05-rewards-and-kiosk-indexes';
import * as noticesCorrectionsCertificates from './2026-11-27-06-notices-corrections-certificates';
import * as fieldReady from './2026-12-07-01-field-ready';
import * as staffLifeCycle from './2026-12-07-02-staff-life-cycle';
import * as anchoredLedger from './2026-12-07-03-anchored-ledger';
import * as membershipConsent from './2026-12-07-04-membership-consent';
import * as namesPerLanguage from './2026-12-07-05-names-per-language';
import * as rewardPhotos from './2026-12-07-06-reward-photos';
import * as correctionDetails from './2026-12-07-07-correction-details';
import * as redeemInOneCall from './2026-12-07-08-redeem-in-one-call';
import * as activities from './2026-12-07-09-activities';
import * as serviceRecordsLogged from './2026-12-07-10-service-records-logged';
import * as residentPhoneApp from './2026-12-07-11-resident-phone-app';
import * as deliberation from './2026-12-07-12-deliberation';
import * as timeBank from './2026-12-07-13-time-bank';
import * as street from './2026-12-08-01-street';
import * as shardReady from './2026-12-08-02-shard-ready';

/** Every migration, in order. Names are date-prefixed and never change once released. */
export const migrations: Record<string, Migration> = {
  '2026-11-27-01-ledger-core': ledgerCore,
  '2026-11-27-02-community-programme': communityProgramme,
  '2026-11-27-04-first-participation': firstParticipation,
  '2026-11-27-05-rewards-and-kiosk-indexes': rewardsAndKioskIndexes,
  '2026-11-27-06-notices-corrections-certificates': noticesCorrectionsCertificates,
  '2026-12-07-01-field-ready': fieldReady,
  '2026-12-07-02-staff-life-cycle': staffLifeCycle,
  '2026-12-07-03-anchored-ledger': anchoredLedger,
  '2026-12-07-04-membership-consent': membershipConsent,
  '2026-12-07-05-names-per-language': namesPerLanguage,
  '2026-12-07-06-reward-photos': rewardPhotos,
  '2026-12-07-07-correction-details': correctionDetails,
  '2026-12-07-08-redeem-in-one-call': redeemInOneCall,
  '2026-12-07-09-activities': activities,
  '2026-12-07-10-service-records-logged': serviceRecordsLogged,
  '2026-12-07-11-resident-phone-app': residentPhoneApp,
  '2026-12-07-12-deliberation': deliberation,
  '2026-12-07-13-time-bank': timeBank,
  '2026-12-08-01-street': street,
  '2026-12-08-02-shard-ready': shardReady,
};
