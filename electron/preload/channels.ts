/** The shell's only IPC channels; main and preload must agree on them and on nothing else. */
export const invokeChannel = 'counter:invoke';
export const eventChannel = 'counter:event';
export const printChannel = 'counter:print';
