let band: HTMLElement | null = null;

/**
 * Where antd messages show: a strip at the top left (styles/fit-screen.css), above where any dialog
 * starts and left of where any drawer reaches, so a confirmation never lies over an open dialog.
 */
export function noticeBand(): HTMLElement {
  if (band?.isConnected) return band;
  band = document.createElement('div');
  band.className = 'notice-band';
  band.dataset.testid = 'notice-band';
  document.body.append(band);
  return band;
}
