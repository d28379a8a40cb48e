import './resident.css';
import { useState } from 'react';
import { AccountScreen } from '../account/account-screen';
import { ChangePinScreen } from '../account/change-pin-screen';
import { ActivitiesScreen, type ActivitiesShown } from '../activities/activities-screen';
import { SignedUpScreen } from '../activities/signed-up-screen';
import type {
  CatalogItem,
  Donated,
  GoalProgress,
  HelpClaim,
  HelpRequest,
  Invitation,
  KioskActivity,
  KioskApi,
  MyCorrection,
  MyRecord,
  Redeemed,
  Resident,
  ResidentPoll,
  SignedUp,
  Voted,
} from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { ConfirmDonateScreen } from '../donate/confirm-donate-screen';
import { DonateScreen } from '../donate/donate-screen';
import { DonatedScreen } from '../donate/donated-screen';
import { InvitationBanner } from '../invitations/invitation-banner';
import { InvitationsScreen } from '../invitations/invitations-screen';
import { ConfirmVoteScreen } from '../matters/confirm-vote-screen';
import { MatterRaisedScreen } from '../matters/matter-raised-screen';
import { MattersScreen, type MattersShown } from '../matters/matters-screen';
import { RaiseMatterScreen } from '../matters/raise-matter-screen';
import { VotedScreen } from '../matters/voted-screen';
import { CatalogScreen } from '../rewards/catalog-screen';
import { ConfirmRedeemScreen } from '../rewards/confirm-redeem-screen';
import { ReceiptScreen } from '../rewards/receipt-screen';
import { CorrectionScreen } from '../service/correction-screen';
import { CorrectionSentScreen } from '../service/correction-sent-screen';
import { MyServiceScreen } from '../service/my-service-screen';
import { AskHelpScreen } from '../timebank/ask-help-screen';
import { ClaimHelpScreen } from '../timebank/claim-help-screen';
import { ConfirmHelpScreen } from '../timebank/confirm-help-screen';
import { ProposeMinutesScreen } from '../timebank/propose-minutes-screen';
import { TimeBankScreen, type TimeBankShown } from '../timebank/timebank-screen';
import { Screen } from '../ui/screen';
import { ResidentHeader } from './resident-header';
import { type MainView, ResidentNav } from './resident-nav';

type View =
  | { name: Exclude<MainView, 'activities' | 'matters' | 'timebank'> }
  | { name: 'activities'; shown: ActivitiesShown }
  | { name: 'matters'; shown: MattersShown }
  | { name: 'timebank'; shown: TimeBankShown }
  | { name: 'askHelp' }
  | { name: 'claimHelp'; request: HelpRequest }
  | { name: 'confirmHelp'; request: HelpRequest; claim: HelpClaim }
  | { name: 'proposeMinutes'; request: HelpRequest }
  | { name: 'raiseMatter' }
  | { name: 'matterRaised' }
  | { name: 'confirmVote'; poll: ResidentPoll; optionId: string }
  | { name: 'voted'; poll: ResidentPoll; optionId: string; result: Voted }
  | { name: 'signedUp'; activity: KioskActivity; result: SignedUp }
  | { name: 'confirmRedeem'; item: CatalogItem }
  | { name: 'receipt'; receipt: Redeemed; at: string }
  | { name: 'confirmDonate'; goal: GoalProgress; points: number }
  | { name: 'donated'; goal: GoalProgress; points: number; result: Donated }
  | { name: 'correct'; record: MyRecord | null }
  | { name: 'correctionSent'; result: MyCorrection }
  | { name: 'invitations'; shown: Invitation[] }
  | { name: 'changePin' };

const isMain = (name: View['name']): name is MainView =>
  name === 'rewards' ||
  name === 'activities' ||
  name === 'matters' ||
  name === 'timebank' ||
  name === 'donate' ||
  name === 'account' ||
  name === 'service';

/**
 * A tab opens its screen as it first shows: the activities on what is on, matters and the time
 * bank on their tiles.
 */
const opened = (name: MainView): View => {
  if (name === 'activities') return { name, shown: 'upcoming' };
  if (name === 'matters' || name === 'timebank') return { name, shown: 'home' };
  return { name };
};

/**
 * The identified resident's screens. They open on the rewards, so redeeming
 * takes start, card, PIN, choose, confirm and nothing more; their points and
 * hours stay in the header throughout.
 */
export function ResidentArea({
  api,
  resident,
  communityName,
  onResident,
  onSignOut,
}: {
  api: KioskApi;
  resident: Resident;
  communityName: string;
  onResident: (resident: Resident) => void;
  onSignOut: () => void;
}) {
  const [view, setView] = useState<View>({ name: 'rewards' });
  const withPoints = (points: number) => onResident({ ...resident, points });
  // Invitations to join a group are announced, never forced: if they cannot be read, the
  // resident simply sees none this time.
  const invitations = useLoad('invitations', () => api.invitations.query());
  const waiting = invitations.data ?? [];

  return (
    <Screen
      className={`resident-screen view-${view.name}`}
      top={<ResidentHeader resident={resident} onSignOut={onSignOut} />}
      nav={
        isMain(view.name) ? (
          <>
            <ResidentNav current={view.name} onGo={(name) => setView(opened(name))} />
            <InvitationBanner
              invitations={waiting}
              onOpen={() => setView({ name: 'invitations', shown: waiting })}
            />
          </>
        ) : null
      }
    >
      {view.name === 'rewards' && (
        <CatalogScreen api={api} onChoose={(item) => setView({ name: 'confirmRedeem', item })} />
      )}
      {view.name === 'confirmRedeem' && (
        <ConfirmRedeemScreen
          api={api}
          item={view.item}
          points={resident.points}
          onBack={() => {
            setView({ name: 'rewards' });
            // After a failed or abandoned attempt, show the balance as the service has it.
            api.me.query().then(onResident, () => undefined);
          }}
          onDone={(receipt) => {
            withPoints(receipt.pointsAfter);
            setView({ name: 'receipt', receipt, at: new Date().toISOString() });
          }}
        />
      )}
      {view.name === 'receipt' && (
        <ReceiptScreen
          receipt={view.receipt}
          at={view.at}
          communityName={communityName}
          onMore={() => setView({ name: 'rewards' })}
          onFinish={onSignOut}
        />
      )}
      {view.name === 'activities' && (
        <ActivitiesScreen
          api={api}
          shown={view.shown}
          onShow={(shown) => setView({ name: 'activities', shown })}
          onSignedUp={(activity, result) => setView({ name: 'signedUp', activity, result })}
        />
      )}
      {view.name === 'signedUp' && (
        <SignedUpScreen
          activity={view.activity}
          result={view.result}
          onMine={() => setView({ name: 'activities', shown: 'mine' })}
          onDone={() => setView({ name: 'activities', shown: 'upcoming' })}
        />
      )}
      {view.name === 'matters' && (
        <MattersScreen
          api={api}
          shown={view.shown}
          onShow={(shown) => setView({ name: 'matters', shown })}
          onRaise={() => setView({ name: 'raiseMatter' })}
          onVote={(poll, optionId) => setView({ name: 'confirmVote', poll, optionId })}
        />
      )}
      {view.name === 'raiseMatter' && (
        <RaiseMatterScreen
          api={api}
          onBack={() => setView({ name: 'matters', shown: 'home' })}
          onDone={() => setView({ name: 'matterRaised' })}
        />
      )}
      {view.name === 'matterRaised' && (
        <MatterRaisedScreen
          onMine={() => setView({ name: 'matters', shown: 'mine' })}
          onDone={() => setView({ name: 'matters', shown: 'home' })}
        />
      )}
      {view.name === 'confirmVote' && (
        <ConfirmVoteScreen
          api={api}
          poll={view.poll}
          optionId={view.optionId}
          onBack={() => setView({ name: 'matters', shown: 'polls' })}
          onDone={(result) =>
            setView({ name: 'voted', poll: view.poll, optionId: view.optionId, result })
          }
        />
      )}
      {view.name === 'voted' && (
        <VotedScreen
          poll={view.poll}
          optionId={view.optionId}
          result={view.result}
          onDone={() => setView({ name: 'matters', shown: 'polls' })}
        />
      )}
      {view.name === 'timebank' && (
        <TimeBankScreen
          api={api}
          shown={view.shown}
          onShow={(shown) => setView({ name: 'timebank', shown })}
          onAsk={() => setView({ name: 'askHelp' })}
          onClaim={(request) => setView({ name: 'claimHelp', request })}
          onConfirm={(request, claim) => setView({ name: 'confirmHelp', request, claim })}
          onPropose={(request) => setView({ name: 'proposeMinutes', request })}
        />
      )}
      {view.name === 'askHelp' && (
        <AskHelpScreen
          api={api}
          onBack={() => setView({ name: 'timebank', shown: 'home' })}
          onMine={() => setView({ name: 'timebank', shown: 'mine' })}
          onDone={() => setView({ name: 'timebank', shown: 'home' })}
        />
      )}
      {view.name === 'claimHelp' && (
        <ClaimHelpScreen
          api={api}
          request={view.request}
          onBack={() => setView({ name: 'timebank', shown: 'open' })}
          onHelping={() => setView({ name: 'timebank', shown: 'helping' })}
          onDone={() => setView({ name: 'timebank', shown: 'home' })}
        />
      )}
      {view.name === 'confirmHelp' && (
        <ConfirmHelpScreen
          api={api}
          request={view.request}
          claim={view.claim}
          onBack={() => setView({ name: 'timebank', shown: 'mine' })}
          onDone={() => setView({ name: 'timebank', shown: 'home' })}
        />
      )}
      {view.name === 'proposeMinutes' && (
        <ProposeMinutesScreen
          api={api}
          request={view.request}
          onBack={() => setView({ name: 'timebank', shown: 'helping' })}
          onDone={() => setView({ name: 'timebank', shown: 'helping' })}
        />
      )}
      {view.name === 'donate' && (
        <DonateScreen
          api={api}
          points={resident.points}
          onContinue={(goal, points) => setView({ name: 'confirmDonate', goal, points })}
        />
      )}
      {view.name === 'confirmDonate' && (
        <ConfirmDonateScreen
          api={api}
          goal={view.goal}
          gift={view.points}
          points={resident.points}
          onBack={() => {
            setView({ name: 'donate' });
            api.me.query().then(onResident, () => undefined);
          }}
          onDone={(result) => {
            withPoints(result.pointsAfter);
            setView({ name: 'donated', goal: view.goal, points: view.points, result });
          }}
        />
      )}
      {view.name === 'donated' && (
        <DonatedScreen
          goal={view.goal}
          gift={view.points}
          result={view.result}
          onDone={() => setView({ name: 'rewards' })}
        />
      )}
      {view.name === 'service' && (
        <MyServiceScreen api={api} onCorrect={(record) => setView({ name: 'correct', record })} />
      )}
      {view.name === 'correct' && (
        <CorrectionScreen
          api={api}
          record={view.record}
          onBack={() => setView({ name: 'service' })}
          onDone={(result) => setView({ name: 'correctionSent', result })}
        />
      )}
      {view.name === 'correctionSent' && (
        <CorrectionSentScreen result={view.result} onDone={() => setView({ name: 'service' })} />
      )}
      {view.name === 'invitations' && (
        <InvitationsScreen
          api={api}
          invitations={view.shown}
          onAnswered={invitations.reload}
          onDone={() => setView({ name: 'rewards' })}
        />
      )}
      {view.name === 'account' && (
        <AccountScreen
          api={api}
          resident={resident}
          onResident={onResident}
          onChangePin={() => setView({ name: 'changePin' })}
        />
      )}
      {view.name === 'changePin' && (
        <ChangePinScreen api={api} onDone={() => setView({ name: 'account' })} />
      )}
    </Screen>
  );
}
