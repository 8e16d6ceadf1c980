import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CameraDevice, type CameraProblem, cameraProblem, pickCamera, savedCameraId } from './camera-choice';
import { CameraProblemAlert } from './camera-problem-alert';
import { CameraView, listCameras } from './camera-view';
import './vouchers.css';

type CameraModalProps = { onText(text: string): void; onClose(): void };

/** "Scan with camera": the camera chosen in Settings, on only while this dialog is open. */
export function CameraModal({ onText, onClose }: CameraModalProps) {
  const { t } = useTranslation();
  const [camera, setCamera] = useState<CameraDevice | null | 'finding'>('finding');
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    let gone = false;
    listCameras().then(
      (cameras) => {
        if (gone) return;
        const chosen = pickCamera(cameras, savedCameraId());
        setCamera(chosen);
        if (!chosen) setProblem('none');
      },
      (error: unknown) => {
        if (gone) return;
        setCamera(null);
        setProblem(cameraProblem(error));
      },
    );
    return () => {
      gone = true;
    };
  }, []);

  return (
    <Modal
      open
      title={t('voucher.camera.title')}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={
        <Button size="large" onClick={onClose} data-testid="camera-close">
          {t('common.close')} <kbd>Esc</kbd>
        </Button>
      }
    >
      <div className="camera-modal" data-testid="camera-modal">
        {problem ? <CameraProblemAlert problem={problem} /> : null}
        {camera === 'finding' ? <Spin className="camera-finding" /> : null}
        {camera && camera !== 'finding' && !problem ? (
          <>
            <CameraView cameraId={camera.id} onText={onText} onProblem={setProblem} onStarted={() => setLive(true)} />
            <div className="camera-hint">
              {live ? t('voucher.camera.hint') : t('voucher.camera.starting')}
              <span className="camera-name">{camera.label || t('voucher.camera.unnamed')}</span>
            </div>
          </>
        ) : null}
        {problem ? (
          <Alert type="info" showIcon title={t('voucher.camera.otherWays')} className="camera-other-ways" />
        ) : null}
      </div>
    </Modal>
  );
}
