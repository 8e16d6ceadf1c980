/**
 * Every checkout shortcut in one place, so a key is never given two jobs and each button can show
 * its own. F1–F8 and F10 belong to navigation and the lock, F9 to No sale. The keys on the sale
 * itself are the ones a numeric keypad has, and act while the scan field is empty.
 */
export const checkoutKeys = {
  pay: { key: 'F12', label: 'F12' },
  stepUp: { key: '+', label: '+' },
  stepDown: { key: '-', label: '−' },
  quantity: { key: '*', label: '*' },
  lineDiscount: { key: '/', label: '/' },
  removeLine: { key: 'Delete', label: 'Del' },
  orderDiscount: { key: 'Insert', label: 'Ins' },
  park: { key: 'PageUp', label: 'PgUp' },
  resume: { key: 'PageDown', label: 'PgDn' },
  clear: { key: 'Delete', label: 'Ctrl+Del' },
  member: { key: 'End', label: 'End' },
  /** On the paid panel Pay has nothing left to do, so the same key prints the receipt. */
  print: { key: 'F12', label: 'F12' },
  showReceipt: { key: 'Home', label: 'Home' },
  newSale: { key: 'Escape', label: 'Esc' },
} as const;

/** Inside the payment dialog, where the navigation keys are asleep. */
export const paymentKeys = {
  cash: 'F1',
  card: 'F2',
  wallet: 'F3',
  split: 'F4',
  quick: ['F5', 'F6', 'F7', 'F8'],
  confirm: 'Enter',
  confirmAlso: 'F12',
} as const;
