import type { ServiceRecordStatus } from '@tally/domain/service';
import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../ui/badge';

const tones: Record<ServiceRecordStatus, Tone> = {
  pending: 'info',
  approved: 'success',
  rejected: 'danger',
};

export function ServiceStatusBadge({ status }: { status: ServiceRecordStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`service.status.${status}`)}</Badge>;
}
