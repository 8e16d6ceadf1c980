import { LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { invalidateMethods, useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { FranchiseStock } from './franchise-stock';
import { FranchiseSalesTable, FranchiseStoresTable } from './franchise-tables';
import { OwnerSignIn } from './owner-sign-in';
import { StoreComparison } from './store-comparison';
import './head-office.css';

/**
 * The franchise owner's view of all their stores, signed in to the platform: on a paired till
 * (its owner, in Reports) or on an install with no store of its own (from the first screen).
 */
export function HeadOfficeView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const status = useApiQuery('owner.status', {});
  const signOut = useMutation({
    mutationFn: () => api.call('owner.signOut', {}),
    onSuccess: () => invalidateMethods(queryClient, ['owner.', 'franchise.']),
  });
  if (status.isPending) return <Spin />;
  if (status.error) return <Alert type="error" showIcon title={errorText(status.error)} className="screen-note" />;
  const owner = status.data;
  if (!owner.signedIn) {
    return (
      <Card className="head-office-card" title={t('headOffice.title')}>
        <OwnerSignIn askUrl={owner.platformUrl === null} />
      </Card>
    );
  }
  return (
    <div className="head-office" data-testid="head-office">
      <div className="head-office-who">
        <div>
          <strong>{owner.organisation.name}</strong>
          <span className="head-office-detail">
            {t('headOffice.signedInAs', { name: owner.owner.name, url: owner.platformUrl })}
          </span>
        </div>
        <Button icon={<LogoutOutlined />} onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t('headOffice.signOut')}
        </Button>
      </div>
      <Card title={t('headOffice.stores')} size="small">
        <FranchiseStoresTable />
      </Card>
      <Card title={t('headOffice.sales')} size="small">
        <FranchiseSalesTable />
      </Card>
      <Card title={t('headOffice.compare.title')} size="small">
        <StoreComparison organisation={owner.organisation.name} />
      </Card>
      <Card title={t('franchiseStock.title')} size="small">
        <FranchiseStock organisation={owner.organisation.name} />
      </Card>
    </div>
  );
}
