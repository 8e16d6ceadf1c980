/** The methods `call` answers by asking the platform first (head-office-call.ts). */
export const headOfficeMethods = [
  'owner.signIn',
  'owner.signOut',
  'owner.status',
  'franchise.stores',
  'franchise.sales',
  'franchise.compare',
  'franchise.catalog',
  'franchise.saveProduct',
  'franchise.importCsv',
  'franchise.storePrices',
  'franchise.setStorePrice',
  'franchise.allowLocalPrices',
  'catalog.setLocalPrice',
  'transfers.stores',
] as const;
export type HeadOfficeMethod = (typeof headOfficeMethods)[number];

export function isHeadOfficeMethod(method: string): method is HeadOfficeMethod {
  return (headOfficeMethods as readonly string[]).includes(method);
}
