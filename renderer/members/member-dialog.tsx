import { Alert, Button, Checkbox, Input, Modal, Space } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberCard } from '../../shared/contract/members';
import { uuidv7 } from '../../shared/ids';
import { memberCeilings } from '../../shared/members/member-limits';
import { api } from '../api/api-client';
import { useErrorText } from '../app/use-error-text';
import './members.css';

type Step = { kind: 'find' } | { kind: 'enrol' } | { kind: 'code'; enrolmentId: string; maskedPhone: string };

type MemberDialogProps = { onClose(): void; onFound(member: MemberCard): void };

/**
 * Finding the sale's member by the number the customer gives, or enrolling them: number, name and
 * marketing consent, then the 6-digit code the platform sent to their phone. Enrolment needs the
 * platform; the core says so in the cashier's words when it cannot be reached.
 */
export function MemberDialog({ onClose, onFound }: MemberDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [step, setStep] = useState<Step>({ kind: 'find' });
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Minted once per enrolment and kept through retries: the platform answers a retry the same.
  const enrolmentId = useRef(uuidv7());

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const find = () => run(async () => onFound(await api.call('members.lookup', { phone })));
  const sendCode = () =>
    run(async () => {
      const started = await api.call('members.enrolStart', {
        enrolmentId: enrolmentId.current,
        phone,
        name,
        consent,
      });
      setStep({ kind: 'code', enrolmentId: started.enrolmentId, maskedPhone: started.maskedPhone });
    });
  const confirm = (enrolment: string) =>
    run(async () => onFound(await api.call('members.enrolConfirm', { enrolmentId: enrolment, code })));

  const footer = (primary: { label: string; onClick(): void; testId: string }, back?: () => void) => (
    <Space>
      <Button size="large" onClick={back ?? onClose} disabled={busy}>
        {back ? t('member.back') : t('common.cancel')} {back ? null : <kbd>Esc</kbd>}
      </Button>
      <Button size="large" type="primary" loading={busy} onClick={primary.onClick} data-testid={primary.testId}>
        {primary.label} <kbd>Enter</kbd>
      </Button>
    </Space>
  );
  const alert = error ? (
    <Alert className="dialog-alert" type="error" showIcon title={error} data-testid="member-error" />
  ) : null;
  // A field keeps its name in view once typed into: placeholders alone vanish with the first digit.
  const field = (id: string, label: string, input: ReactNode) => (
    <div className="member-dialog-row">
      <label className="member-field-label" htmlFor={id}>
        {label}
      </label>
      {input}
    </div>
  );
  const dialog = (title: string, width: number, footerNode: ReactNode, body: ReactNode) => (
    <Modal open title={title} onCancel={busy ? undefined : onClose} destroyOnHidden width={width} footer={footerNode}>
      {body}
      {alert}
    </Modal>
  );
  const phoneInput = (onEnter: () => void) => (
    <Input
      id="member-phone"
      size="large"
      autoFocus
      inputMode="tel"
      value={phone}
      maxLength={memberCeilings.phoneText}
      onChange={(event) => setPhone(event.target.value)}
      onPressEnter={onEnter}
      placeholder={t('member.phonePlaceholder')}
      aria-label={t('member.phone')}
      data-testid="member-phone-input"
    />
  );

  switch (step.kind) {
    case 'find':
      return dialog(
        t('member.dialogTitle'),
        480,
        footer({ label: t('member.find'), onClick: find, testId: 'member-find' }),
        <>
          {field('member-phone', t('member.phone'), phoneInput(find))}
          <p className="member-consent">{t('member.scanHint')}</p>
          <Button onClick={() => setStep({ kind: 'enrol' })} disabled={busy} data-testid="member-enrol">
            {t('member.enrol')}
          </Button>
        </>,
      );
    case 'enrol':
      return dialog(
        t('member.enrolTitle'),
        520,
        footer({ label: t('member.sendCode'), onClick: sendCode, testId: 'member-send-code' }, () =>
          setStep({ kind: 'find' }),
        ),
        <>
          {field('member-phone', t('member.phone'), phoneInput(sendCode))}
          {field(
            'member-name',
            t('member.name'),
            <Input
              id="member-name"
              size="large"
              value={name}
              maxLength={memberCeilings.memberName}
              onChange={(event) => setName(event.target.value)}
              placeholder={t('member.name')}
              aria-label={t('member.name')}
              data-testid="member-name-input"
            />,
          )}
          <Checkbox
            checked={consent}
            onChange={(event) => setConsent(event.target.checked)}
            data-testid="member-consent"
          >
            {t('member.consent')}
          </Checkbox>
          <p className="member-consent">{t('member.consentText')}</p>
        </>,
      );
    case 'code':
      return dialog(
        t('member.enrolTitle'),
        480,
        footer({ label: t('member.confirm'), onClick: () => confirm(step.enrolmentId), testId: 'member-confirm' }),
        <>
          <p>{t('member.codeSent', { phone: step.maskedPhone })}</p>
          {field(
            'member-code',
            t('member.code'),
            <Input
              id="member-code"
              size="large"
              autoFocus
              inputMode="numeric"
              value={code}
              maxLength={12}
              onChange={(event) => setCode(event.target.value)}
              onPressEnter={() => confirm(step.enrolmentId)}
              aria-label={t('member.code')}
              placeholder={t('member.code')}
              data-testid="member-code-input"
            />,
          )}
        </>,
      );
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}
