import type { MoveStatus } from '@tally/domain/street';
import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../ui/badge';

const tones: Record<MoveStatus, Tone> = {
  proposed: 'warning',
  sending: 'info',
  done: 'success',
  declined: 'danger',
  cancelled: 'neutral',
};

/** A move's status in words; `sending` (between the two ledger halves) reads "in progress". */
export function MoveStatusBadge({ status }: { status: MoveStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`moves.statuses.${status}`)}</Badge>;
}
