import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../app/use-error-text';

export function StartupProblem({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="center-screen">
      <Result
        status="warning"
        title={t('app.cannotStart')}
        subTitle={errorText(error)}
        extra={
          <Button type="primary" size="large" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    </div>
  );
}
