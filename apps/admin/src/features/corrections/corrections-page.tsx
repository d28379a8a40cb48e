import { useParams } from 'wouter';
import { CorrectionDetail } from './correction-detail';
import { CorrectionQueue } from './correction-queue';
import './corrections.css';

/** `/corrections` is the queue; `/corrections/:id` one request and its answer. */
export function CorrectionsPage() {
  const { id } = useParams<{ id?: string }>();
  return id ? <CorrectionDetail id={id} /> : <CorrectionQueue />;
}
