import type { ReactNode } from 'react';
import './screens.css';

type ScreenHeaderProps = { title: string; icon?: ReactNode; extra?: ReactNode };

export function ScreenHeader({ title, icon, extra }: ScreenHeaderProps) {
  return (
    <div className="screen-header">
      <h1>
        {icon ? <span className="screen-header-icon">{icon}</span> : null}
        {title}
      </h1>
      {extra ? <div className="screen-header-extra">{extra}</div> : null}
    </div>
  );
}
