import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CameraProblem } from './camera-choice';

/** What went wrong with the camera, and what the cashier can do about it. */
export function CameraProblemAlert({ problem }: { problem: CameraProblem }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={problem === 'denied' ? 'warning' : 'error'}
      showIcon
      title={t(`voucher.camera.problem.${problem}`)}
      description={t(`voucher.camera.problemHelp.${problem}`)}
      data-testid="camera-problem"
    />
  );
}
