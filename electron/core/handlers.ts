import { auditHandlers } from './audit/audit-handlers';
import { cartHandlers } from './carts/cart-handlers';
import { catalogHandlers } from './catalog/catalog-handlers';
import { drawerHandlers } from './drawer/drawer-handlers';
import { feedbackHandlers } from './feedback/feedback-handlers';
import type { Handlers } from './handler-context';
import { headOfficeHandlers } from './head-office/head-office-handlers';
import { couponMemberHandlers } from './members/coupon-member';
import { memberBenefitHandlers } from './members/member-benefits';
import { memberHandlers } from './members/member-handlers';
import { memberReportHandlers } from './members/member-report-call';
import { pointsLiabilityHandlers } from './members/points-liability-call';
import { pointsOfferHandlers } from './members/points-offer';
import { onlineOrderHandlers } from './online/online-order-handlers';
import { orderHandlers } from './orders/order-handlers';
import { reportCompletenessHandlers } from './reports/report-completeness';
import { reportHandlers } from './reports/report-handlers';
import { settlementHandlers } from './reports/settlement-handlers';
import { shiftHandlers } from './shifts/shift-handlers';
import { approvalHandlers } from './staff/approval-handlers';
import { lockoutHandlers } from './staff/lockout-handlers';
import { staffHandlers } from './staff/staff-handlers';
import { stockHandlers } from './stock/stock-handlers';
import { storeHandlers } from './store/store-handlers';
import { syncHandlers } from './sync/sync-handlers';
import { transferHandlers } from './transfers/transfer-handlers';
import { sampleVoucherHandlers } from './vouchers/sample-vouchers';
import { voucherHandlers } from './vouchers/voucher-handlers';

/** The type makes a method without a handler a compile error. */
export const handlers: Handlers = {
  ...storeHandlers,
  ...staffHandlers,
  ...approvalHandlers,
  ...lockoutHandlers,
  ...drawerHandlers,
  ...catalogHandlers,
  ...auditHandlers,
  ...shiftHandlers,
  ...cartHandlers,
  ...orderHandlers,
  ...reportHandlers,
  ...reportCompletenessHandlers,
  ...settlementHandlers,
  ...feedbackHandlers,
  ...syncHandlers,
  ...onlineOrderHandlers,
  ...stockHandlers,
  ...voucherHandlers,
  ...sampleVoucherHandlers,
  ...memberHandlers,
  ...memberReportHandlers,
  ...pointsLiabilityHandlers,
  ...memberBenefitHandlers,
  ...pointsOfferHandlers,
  ...couponMemberHandlers,
  ...headOfficeHandlers,
  ...transferHandlers,
};
