import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackRow } from '../../../shared/contract/feedback';
import { feedbackLimits } from '../../../shared/feedback/feedback-limits';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { EnterSubmits } from '../../components/enter-submits';

/** Marks a detractor's answer followed up, with what was done; or takes the mark back. */
export function FollowUpDialog({ row, onClose }: { row: FeedbackRow; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const done = row.followUp === null;
  const [note, setNote] = useState('');
  const mark = useApiMutation('feedback.followUp', {
    onSuccess: () => {
      void invalidateMethods(queryClient, ['reports.feedback']);
      onClose();
    },
  });
  const submit = () => mark.mutate({ orderId: row.orderId, done, note: done ? note : '' });
  return (
    <Modal
      open
      title={t(done ? 'feedbackReport.followUp.title' : 'feedbackReport.followUp.reopenTitle', { score: row.score })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button size="large" onClick={onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button size="large" type="primary" loading={mark.isPending} onClick={submit} data-testid="follow-up-confirm">
            {t(done ? 'feedbackReport.followUp.confirm' : 'feedbackReport.followUp.reopen')} <kbd>Enter</kbd>
          </Button>
        </>
      }
    >
      <Form layout="vertical" onFinish={submit}>
        {row.comment ? <p className="feedback-comment">“{row.comment}”</p> : null}
        {done ? (
          <Form.Item label={t('feedbackReport.followUp.note')}>
            <Input
              value={note}
              maxLength={feedbackLimits.followUpNote}
              onChange={(event) => setNote(event.target.value)}
              autoFocus
              data-testid="follow-up-note"
            />
          </Form.Item>
        ) : null}
        {mark.error ? <Alert type="error" showIcon title={errorText(mark.error)} /> : null}
        <EnterSubmits />
      </Form>
    </Modal>
  );
}
