import { CameraOutlined, EditOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { type ChangeEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHotkeys } from '../hooks/use-hotkeys';
import { useKeyActions } from '../hooks/use-key-actions';
import { CameraModal } from './camera-modal';
import { readImageFile } from './camera-view';
import { ManualCodeModal } from './manual-code-modal';
import './vouchers.css';

/** Where a voucher's text came from; all four end in the same check. */
export type VoucherSource = 'wedge' | 'camera' | 'image' | 'manual';

export const voucherKeys = {
  camera: { key: 'F11', label: 'F11' },
  image: { key: 'Alt+I', label: 'Alt+I' },
  manual: { key: 'Alt+V', label: 'Alt+V' },
} as const;

type VoucherSourcesProps = {
  onCode(text: string, source: VoucherSource): void;
  /** The image held no QR code. */
  onNoCode(): void;
  disabled?: boolean;
  /** Checkout keeps its buttons small beside the scan field. */
  compact?: boolean;
};

/**
 * The ways besides a scanner to bring in a voucher, shared by Checkout and Redeem: the camera, a
 * photo or screenshot of the QR, and typing the code printed under it.
 */
export function VoucherSources({ onCode, onNoCode, disabled, compact }: VoucherSourcesProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'camera' | 'manual' | null>(null);
  const [reading, setReading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const pickImage = () => {
    if (!disabled) fileInput.current?.click();
  };
  const readImage = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setReading(true);
    const text = await readImageFile(file);
    setReading(false);
    if (text) onCode(text, 'image');
    else onNoCode();
  };

  useHotkeys({ [voucherKeys.camera.key]: () => !disabled && setOpen('camera') });
  useKeyActions({ [voucherKeys.image.key]: pickImage, [voucherKeys.manual.key]: () => !disabled && setOpen('manual') });

  return (
    <div className={compact ? 'voucher-sources compact' : 'voucher-sources'}>
      <SourceButton
        icon={<CameraOutlined />}
        label={t('voucher.sources.camera')}
        keyLabel={voucherKeys.camera.label}
        compact={compact}
        disabled={disabled}
        onClick={() => setOpen('camera')}
        testId="voucher-camera-button"
      />
      <SourceButton
        icon={<PictureOutlined />}
        label={t('voucher.sources.image')}
        keyLabel={voucherKeys.image.label}
        compact={compact}
        disabled={disabled}
        loading={reading}
        onClick={pickImage}
        testId="voucher-image-button"
      />
      <SourceButton
        icon={<EditOutlined />}
        label={t('voucher.sources.manual')}
        keyLabel={voucherKeys.manual.label}
        compact={compact}
        disabled={disabled}
        onClick={() => setOpen('manual')}
        testId="voucher-manual-button"
      />
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        hidden
        onChange={(event) => void readImage(event)}
        data-testid="voucher-image-input"
      />
      {open === 'camera' ? (
        <CameraModal
          onClose={() => setOpen(null)}
          onText={(text) => {
            setOpen(null);
            onCode(text, 'camera');
          }}
        />
      ) : null}
      {open === 'manual' ? (
        <ManualCodeModal
          onClose={() => setOpen(null)}
          onCode={(code) => {
            setOpen(null);
            onCode(code, 'manual');
          }}
        />
      ) : null}
    </div>
  );
}

type SourceButtonProps = {
  icon: ReactNode;
  label: string;
  keyLabel: string;
  /** Icon and key only, the label in the tooltip: beside the checkout scan field room is short. */
  compact?: boolean;
  disabled?: boolean;
  loading?: boolean;
  onClick(): void;
  testId: string;
};

function SourceButton({ icon, label, keyLabel, compact, disabled, loading, onClick, testId }: SourceButtonProps) {
  return (
    <Tooltip title={compact ? label : keyLabel} mouseEnterDelay={0.6}>
      <Button
        size="large"
        aria-label={label}
        icon={icon}
        disabled={disabled}
        loading={loading}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
        data-testid={testId}
      >
        {compact ? null : label} <kbd>{keyLabel}</kbd>
      </Button>
    </Tooltip>
  );
}
