import { useTranslation } from 'react-i18next';
import type { MemberCard } from '../../../shared/contract/members';
import { api } from '../../api/api-client';
import { useErrorText } from '../../app/use-error-text';
import { attachMember, detachMember } from './cart-model';
import { cartStore } from './cart-store';
import type { ScanState } from './scan-state';

/**
 * The sale's member: a member code scanned in the one scan field, or a member the dialog found or
 * enrolled, goes on the cart by id; the core checks the id again at payment.
 */
export function useSaleMember(setScan: (scan: ScanState) => void) {
  const { t } = useTranslation();
  const errorText = useErrorText();

  const attach = (member: MemberCard) => {
    cartStore.set(attachMember(cartStore.get(), member));
    setScan({ kind: 'note', text: t('member.attached') });
  };

  const identify = async (code: string) => {
    setScan({ kind: 'checking' });
    try {
      attach(await api.call('members.identify', { code }));
    } catch (error) {
      setScan({ kind: 'failed', message: errorText(error) });
    }
  };

  return {
    attach,
    identify,
    detach: () => cartStore.set(detachMember(cartStore.get())),
  };
}
