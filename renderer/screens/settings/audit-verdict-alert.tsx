import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditVerdict } from '../../../shared/contract/audit';
import './settings.css';

export function AuditVerdictAlert({ verdict }: { verdict: AuditVerdict }) {
  const { t } = useTranslation();
  if (verdict.ok) {
    return (
      <Alert
        type="success"
        showIcon
        className="audit-verdict"
        title={t('audit.intact')}
        description={t('audit.intactDetail', { count: verdict.entries, head: verdict.head.slice(0, 16) })}
        data-testid="audit-verdict"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      className="audit-verdict"
      title={t('audit.broken', { seq: verdict.atSeq })}
      description={t(`audit.problem.${verdict.problem}`)}
      data-testid="audit-verdict"
    />
  );
}
