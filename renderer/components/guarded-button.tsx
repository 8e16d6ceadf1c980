import { Button, type ButtonProps, Tooltip } from 'antd';
import type { Permission } from '../../shared/roles';
import { usePermission } from '../hooks/use-permission';
import './components.css';

type GuardedButtonProps = ButtonProps & { permission: Permission; deniedText: string };

/** A button greyed out, with the reason on hover, for people whose role may not do this. */
export function GuardedButton({ permission, deniedText, disabled, ...props }: GuardedButtonProps) {
  const allowed = usePermission(permission) === 'allow';
  if (allowed) return <Button disabled={disabled} {...props} />;
  return (
    <Tooltip title={deniedText}>
      {/* A disabled button fires no hover events; the span carries the tooltip. */}
      <span className="guarded-button">
        <Button {...props} disabled />
      </span>
    </Tooltip>
  );
}
