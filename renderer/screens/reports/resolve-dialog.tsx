import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LossResolution, RedemptionRow } from '../../../shared/contract/vouchers';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { EnterSubmits } from '../../components/enter-submits';
import { useAmount } from '../checkout/checkout-format';

const resolutions: LossResolution[] = ['absorbed', 'recovered', 'written_off'];

/** Closes a redemption another store won: the store absorbed the loss, got it back, or wrote it off. */
export function ResolveDialog({ row, onClose }: { row: RedemptionRow; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const amount = useAmount();
  const [resolution, setResolution] = useState<LossResolution>('absorbed');
  const [note, setNote] = useState('');
  const queryClient = useQueryClient();
  const resolve = useApiMutation('vouchers.resolve', {
    onSuccess: () => {
      void invalidateMethods(queryClient, ['vouchers.']);
      onClose();
    },
  });
  const submit = () => resolve.mutate({ redemptionId: row.id, resolution, note });
  return (
    <Modal
      open
      title={t('voucher.resolve.title', { campaign: row.campaignName, amount: amount(row.amount) })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button size="large" onClick={onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button
            size="large"
            type="primary"
            loading={resolve.isPending}
            onClick={submit}
            data-testid="resolve-confirm"
          >
            {t('voucher.resolve.confirm')} <kbd>Enter</kbd>
          </Button>
        </>
      }
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('voucher.resolve.how')}>
          <Radio.Group value={resolution} onChange={(event) => setResolution(event.target.value)}>
            {resolutions.map((value) => (
              <Radio key={value} value={value} data-testid={`resolution-${value}`}>
                {t(`voucher.resolution.${value}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('voucher.resolve.note')}>
          <Input value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} autoFocus />
        </Form.Item>
        {resolve.error ? <Alert type="error" showIcon title={errorText(resolve.error)} /> : null}
        <EnterSubmits />
      </Form>
    </Modal>
  );
}
