import { QrcodeOutlined, ReloadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../frame/navigation';
import {
  type CameraDevice,
  type CameraProblem,
  cameraProblem,
  pickCamera,
  saveCameraId,
  savedCameraId,
} from '../../vouchers/camera-choice';
import { CameraProblemAlert } from '../../vouchers/camera-problem-alert';
import { CameraView, listCameras } from '../../vouchers/camera-view';
import './settings.css';

/**
 * Which camera scans vouchers on this device, with a test picture that shows what it reads. The
 * choice stays on this device: another till has other cameras.
 */
export function CameraSettings() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [cameras, setCameras] = useState<CameraDevice[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(savedCameraId());
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [testing, setTesting] = useState(false);
  const [read, setRead] = useState<string | null>(null);

  const find = useCallback(() => {
    setProblem(null);
    setCameras(null);
    listCameras().then(
      (found) => {
        setCameras(found);
        if (found.length === 0) setProblem('none');
      },
      (error: unknown) => {
        setCameras([]);
        setProblem(cameraProblem(error));
      },
    );
  }, []);
  useEffect(find, [find]);

  const current = cameras ? pickCamera(cameras, chosen) : null;
  const choose = (id: string) => {
    setChosen(id);
    saveCameraId(id);
    setRead(null);
  };

  return (
    <Card title={t('voucher.settings.title')} className="settings-card" data-testid="camera-settings">
      <p className="muted">{t('voucher.settings.help')}</p>
      {problem ? <CameraProblemAlert problem={problem} /> : null}
      <Space wrap className="camera-settings-row">
        <Select
          size="large"
          className="camera-select"
          loading={cameras === null}
          value={current?.id}
          placeholder={t('voucher.settings.none')}
          onChange={choose}
          options={(cameras ?? []).map((camera, index) => ({
            value: camera.id,
            label: camera.label || t('voucher.settings.numbered', { n: index + 1 }),
          }))}
          data-testid="camera-select"
        />
        <Button size="large" icon={<ReloadOutlined />} onClick={find}>
          {t('voucher.settings.refresh')}
        </Button>
        <Button
          size="large"
          icon={<VideoCameraOutlined />}
          disabled={!current}
          onClick={() => setTesting((on) => !on)}
          data-testid="camera-test"
        >
          {testing ? t('voucher.settings.stopTest') : t('voucher.settings.test')}
        </Button>
        <Button
          size="large"
          icon={<QrcodeOutlined />}
          onClick={() => navigate({ screen: 'redeem', section: 'samples' })}
          data-testid="settings-sample-vouchers"
        >
          {t('voucher.samples.open')}
        </Button>
      </Space>
      {testing && current ? (
        <div className="camera-test">
          <Alert
            type={read ? 'success' : 'info'}
            showIcon
            title={read ? t('voucher.settings.read', { text: read.slice(0, 60) }) : t('voucher.settings.showCode')}
            data-testid="camera-test-result"
          />
          <CameraView
            key={current.id}
            cameraId={current.id}
            onText={setRead}
            onProblem={(found) => {
              setProblem(found);
              setTesting(false);
            }}
          />
        </div>
      ) : null}
    </Card>
  );
}
