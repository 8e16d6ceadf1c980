import { Avatar } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles';
import { RoleTag } from './role-tag';
import './components.css';

export type StaffOption = { id: string; name: string; role: Role; demoPin: string | null };

type StaffTileProps = {
  staff: StaffOption;
  selected: boolean;
  onPick(): void;
  compact?: boolean;
};

/** A person to tap: big enough for a thumb, with the demo PIN where the demo store shows it. */
export function StaffTile({ staff, selected, onPick, compact = false }: StaffTileProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`staff-tile${selected ? ' selected' : ''}${compact ? ' compact' : ''}`}
      onClick={onPick}
      aria-pressed={selected}
      data-testid={`staff-tile-${staff.name}`}
    >
      <Avatar size={compact ? 40 : 56} className={`avatar-${staff.role}`}>
        {Array.from(staff.name)[0]}
      </Avatar>
      <span className="staff-tile-text">
        <span className="staff-tile-name">{staff.name}</span>
        <RoleTag role={staff.role} />
        {staff.demoPin ? <span className="staff-tile-demo">{t('signIn.demoPin', { pin: staff.demoPin })}</span> : null}
      </span>
    </button>
  );
}
