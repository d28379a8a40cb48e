import type { ReportInput, ReportName } from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { fetchCsv } from '../../api/download-export';
import { usePlainMutation } from '../../api/queries';
import { currentLanguage } from '../../i18n/i18n';
import { useSessionStore } from '../../session/session-context';
import { saveFile } from '../../ui/save-file';
import { useToast } from '../../ui/toast';
import { reportCsvUrl } from './report-filters';

/** The shown report, with the same period and organization, as a spreadsheet. */
export function DownloadReportButton({
  report,
  input,
  onError,
}: {
  report: ReportName;
  input: ReportInput | undefined;
  onError: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSessionStore();
  const toast = useToast();
  const download = usePlainMutation(async (asked: ReportInput) => {
    const { blob, fileName } = await fetchCsv({
      url: reportCsvUrl(report, asked, currentLanguage(i18n)),
      fallbackName: `${report}.csv`,
      token: session.token(),
    });
    saveFile(blob, fileName);
    return fileName;
  });
  return (
    <button
      type="button"
      className="button"
      disabled={!input || download.isPending}
      onClick={() => {
        if (!input) return;
        onError(null);
        download.mutate(input, {
          onSuccess: (fileName) => toast(t('reports.downloaded', { file: fileName })),
          onError,
        });
      }}
    >
      <span aria-hidden="true">↓</span>
      {download.isPending
        ? t('reports.downloading')
        : t('reports.download', { report: t(`reports.tabs.${report}`) })}
    </button>
  );
}
