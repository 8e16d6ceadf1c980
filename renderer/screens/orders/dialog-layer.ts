/**
 * A dialog opened from inside a drawer is stacked above the drawer by antd, and so above the
 * manager-PIN dialog too, which opens from the app root. Pinned at the base layer instead, it stays
 * above the drawer by coming later in the page, and the PIN dialog that comes later still shows on
 * top of it.
 */
export const belowApprovalZIndex = 1000;
