import { describeApiError } from '@tally/client/api-error';
import type { CorrectionKind, CorrectionStatus } from '@tally/domain/corrections';
import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../ui/badge';
import { useErrorMessage } from '../../ui/error-message';

const tones: Record<CorrectionStatus, Tone> = {
  open: 'warning',
  accepted: 'success',
  declined: 'neutral',
};

export function CorrectionStatusBadge({ status }: { status: CorrectionStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`corrections.status.${status}`)}</Badge>;
}

export function CorrectionKindBadge({ kind }: { kind: CorrectionKind }) {
  const { t } = useTranslation();
  return <Badge tone="info">{t(`corrections.kind.${kind}`)}</Badge>;
}

// What resolving can run into, said for this page (the shared wording speaks of logging hours).
const resolveErrors = {
  CORRECTION_CLOSED: 'closed',
  NOT_CORRECTABLE: 'notCorrectable',
  SELF_APPROVAL: 'selfApproval',
  INSUFFICIENT_POINTS: 'spent',
  NOT_A_MEMBER: 'notMember',
} as const;

/** A failed answer in words the office understands. */
export function useResolveErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const general = useErrorMessage();
  return (error) => {
    const { code } = describeApiError(error);
    const key = code ? resolveErrors[code as keyof typeof resolveErrors] : undefined;
    return key ? t(`corrections.errors.${key}`) : general(error);
  };
}
