import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles';

const colors: Record<Role, string> = { owner: 'gold', manager: 'blue', cashier: 'green' };

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[role]} variant="filled" className="role-tag">
      {t(`roles.${role}`)}
    </Tag>
  );
}
