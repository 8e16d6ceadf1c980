import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/errors';
import { type OrderId, uuidv7 } from '../../shared/ids';
import {
  checkRedemption,
  earningSpend,
  mostRedeemable,
  PointsRules,
  pointsEarned,
  pointsReversal,
} from '../../shared/members/points';
import { foldJournal, type JournalRefusal, PointsMovement } from '../../shared/members/points-journal';

const rules = PointsRules.parse({
  earnPerYuan: 2,
  redemption: { kind: 'on', blockPoints: 100, blockFen: 100, minPoints: 200, maxPoints: 5_000, maxShareBp: 5_000 },
});

const refusal = (result: ReturnType<typeof checkRedemption>) => (result.ok ? null : result.refusal.code);

describe('earning points', () => {
  it('earns on money paid after discounts, not on group-buy vouchers or points', () => {
    const spend = earningSpend([
      { method: 'cash', amount: 1_250 },
      { method: 'wallet', amount: 1_000 },
      { method: 'platform_prepaid', amount: 8_800 },
      { method: 'points', amount: 500 },
    ]);
    expect(spend).toBe(2_250);
    expect(pointsEarned(rules, spend)).toBe(45);
    expect(pointsEarned(rules, 1_249)).toBe(24);
    expect(pointsEarned({ ...rules, earnPerYuan: 0 }, 10_000)).toBe(0);
    expect(pointsEarned(rules, 0)).toBe(0);
  });
});

describe('points as a tender', () => {
  it('pays in whole blocks within the store’s minimum, maximum and share of the order', () => {
    expect(checkRedemption(rules, { points: 1_000, spendable: 3_000, due: 5_000 })).toEqual({
      ok: true,
      points: 1_000,
      fen: 1_000,
    });
    expect(refusal(checkRedemption(rules, { points: 150, spendable: 3_000, due: 5_000 }))).toBe(
      'points_not_whole_blocks',
    );
    expect(refusal(checkRedemption(rules, { points: 0, spendable: 3_000, due: 5_000 }))).toBe(
      'points_not_whole_blocks',
    );
    expect(refusal(checkRedemption(rules, { points: 100, spendable: 3_000, due: 5_000 }))).toBe('points_below_min');
    expect(refusal(checkRedemption(rules, { points: 5_100, spendable: 9_000, due: 50_000 }))).toBe('points_above_max');
    expect(refusal(checkRedemption(rules, { points: 1_000, spendable: 900, due: 5_000 }))).toBe('points_over_balance');
    expect(refusal(checkRedemption(rules, { points: 2_600, spendable: 9_000, due: 5_000 }))).toBe('points_over_share');
    const off = { ...rules, redemption: { kind: 'off' as const } };
    expect(refusal(checkRedemption(off, { points: 100, spendable: 100, due: 100 }))).toBe('points_redeem_off');
  });

  it('offers the most the order can take', () => {
    expect(mostRedeemable(rules, 3_050, 5_000)).toEqual({ points: 2_500, fen: 2_500 });
    expect(mostRedeemable(rules, 1_234, 50_000)).toEqual({ points: 1_200, fen: 1_200 });
    expect(mostRedeemable(rules, 99_999, 1_000_000)).toEqual({ points: 5_000, fen: 5_000 });
    expect(mostRedeemable(rules, 150, 5_000)).toEqual({ points: 0, fen: 0 });
    const cheap = { ...rules, redemption: { ...rules.redemption, blockPoints: 200, blockFen: 100 } } as PointsRules;
    expect(mostRedeemable(cheap, 1_000, 701)).toEqual({ points: 600, fen: 300 });
  });

  it('bounds the rules', () => {
    expect(PointsRules.safeParse({ ...rules, earnPerYuan: 101 }).success).toBe(false);
    expect(PointsRules.safeParse({ ...rules, redemption: { ...rules.redemption, blockPoints: 0 } }).success).toBe(
      false,
    );
  });

  it('has a message for every refusal in both languages', () => {
    const codes = [
      'points_redeem_off',
      'points_not_whole_blocks',
      'points_below_min',
      'points_above_max',
      'points_over_balance',
      'points_over_share',
      'points_movement_conflict',
      'points_short',
      'points_hold_unknown',
      'points_hold_exceeded',
      'points_reverse_exceeds',
    ] as const;
    const params = {
      block: 100,
      min: 1,
      max: 2,
      balance: 3,
      movementId: 'm',
      available: 4,
      asked: 5,
      holdId: 'h',
      held: 6,
      orderId: 'o',
    };
    for (const code of codes) {
      expect(errorMessage(code, params, 'en')).toMatch(/^[A-Z].+\.$/);
      expect(errorMessage(code, params, 'zh-CN')).toMatch(/。$/);
      expect(errorMessage(code, params, 'zh-CN')).not.toMatch(/[{}]/);
    }
  });
});

describe('reversing points on a refund', () => {
  it('takes back earned and gives back spent points in proportion, exactly all on a full refund', () => {
    const order = { total: 10_000, earned: 199, spent: 1_000 };
    expect(pointsReversal(order, 0, 3_333)).toEqual({ takeBack: 66, giveBack: 333 });
    expect(pointsReversal(order, 3_333, 6_666)).toEqual({ takeBack: 66, giveBack: 333 });
    expect(pointsReversal(order, 6_666, 10_000)).toEqual({ takeBack: 67, giveBack: 334 });
  });
});

const orderId = () => uuidv7() as OrderId;
const id = () => uuidv7() as PointsMovement['movementId'];
const codes = (refused: { refusal: JournalRefusal }[]) => refused.map((r) => r.refusal.code);

describe('the points journal', () => {
  it('counts a retried or re-sent earn once (OCA/pos 185, odoo 222372)', () => {
    const order = orderId();
    const earn: PointsMovement = { kind: 'earn', movementId: id(), orderId: order, points: 50, at: 1 };
    const again = { ...earn, movementId: id(), at: 2 };
    const { state, refused } = foldJournal([earn, earn, again]);
    expect(state.balance).toBe(50);
    expect(refused).toEqual([]);
    expect(codes(foldJournal([earn, { ...again, points: 60 }]).refused)).toEqual(['points_movement_conflict']);
  });

  it('takes earned points back on a refund, once, and gives spent points back, once (odoo 257854, 212922)', () => {
    const order = orderId();
    const refundId = uuidv7() as Extract<PointsMovement, { kind: 'reverse' }>['refundId'];
    const hold = id();
    const journal: PointsMovement[] = [
      { kind: 'adjust', movementId: id(), points: 1_000, reason: 'opening balance', at: 0 },
      { kind: 'hold', movementId: hold, orderId: order, points: 400, at: 1 },
      { kind: 'spend', movementId: id(), orderId: order, points: 300, holdId: hold, provisional: false, at: 2 },
      { kind: 'earn', movementId: id(), orderId: order, points: 80, at: 3 },
    ];
    const reverse: PointsMovement = {
      kind: 'reverse',
      movementId: id(),
      orderId: order,
      refundId,
      takeBack: 80,
      giveBack: 300,
      at: 4,
    };
    const { state, refused } = foldJournal([...journal, reverse, reverse, { ...reverse, movementId: id() }]);
    expect(refused).toEqual([]);
    expect([state.balance, state.held]).toEqual([1_000, 0]);
    const more = { ...reverse, movementId: id(), refundId: uuidv7() as typeof refundId, takeBack: 1, giveBack: 0 };
    expect(codes(foldJournal([...journal, reverse, more]).refused)).toEqual(['points_reverse_exceeds']);
  });

  it('never goes below zero, except for a provisional spend decided offline', () => {
    const opening: PointsMovement = { kind: 'adjust', movementId: id(), points: 500, reason: 'x', at: 0 };
    const spend = (points: number, provisional: boolean): PointsMovement => ({
      kind: 'spend',
      movementId: id(),
      orderId: orderId(),
      points,
      holdId: null,
      provisional,
      at: 1,
    });
    // Two tills offline spend the same 500 points: both stand, the platform sees −300 and a loss.
    const offline = foldJournal([opening, spend(400, true), spend(400, true)]);
    expect([offline.state.balance, offline.refused.length]).toEqual([-300, 0]);
    const online = foldJournal([opening, spend(400, false), spend(400, false)]);
    expect([online.state.balance, ...codes(online.refused)]).toEqual([100, 'points_short']);
    const held = foldJournal([
      opening,
      { kind: 'hold', movementId: id(), orderId: orderId(), points: 450, at: 1 },
      spend(100, false),
    ]);
    expect(codes(held.refused)).toEqual(['points_short']);
    const expire = foldJournal([opening, { kind: 'expire', movementId: id(), points: 501, at: 2 }]);
    expect(codes(expire.refused)).toEqual(['points_short']);
    const adjust = foldJournal([opening, { kind: 'adjust', movementId: id(), points: -501, reason: 'x', at: 2 }]);
    expect(codes(adjust.refused)).toEqual(['points_short']);
  });

  it('releases a hold, and refuses to capture one that is gone or to spend more than it held', () => {
    const order = orderId();
    const hold = id();
    const journal: PointsMovement[] = [
      { kind: 'adjust', movementId: id(), points: 500, reason: 'x', at: 0 },
      { kind: 'hold', movementId: hold, orderId: order, points: 200, at: 1 },
    ];
    const capture = (points: number): PointsMovement => ({
      kind: 'spend',
      movementId: id(),
      orderId: order,
      points,
      holdId: hold,
      provisional: false,
      at: 3,
    });
    const release: PointsMovement = { kind: 'release', movementId: id(), orderId: order, holdId: hold, at: 2 };
    const released = foldJournal([...journal, release, capture(200)]);
    expect([released.state.balance, released.state.held, ...codes(released.refused)]).toEqual([
      500,
      0,
      'points_hold_unknown',
    ]);
    expect(codes(foldJournal([...journal, capture(201)]).refused)).toEqual(['points_hold_exceeded']);
    const partly = foldJournal([...journal, capture(150)]);
    expect([partly.state.balance, partly.state.held]).toEqual([350, 0]);
  });

  it('bounds every movement', () => {
    const earn = { kind: 'earn', movementId: id(), orderId: orderId(), points: 1, at: 0 };
    expect(PointsMovement.safeParse(earn).success).toBe(true);
    expect(PointsMovement.safeParse({ ...earn, points: 0 }).success).toBe(false);
    expect(PointsMovement.safeParse({ ...earn, points: 1_000_000_001 }).success).toBe(false);
    expect(PointsMovement.safeParse({ ...earn, orderId: 'A-0042' }).success).toBe(false);
    expect(PointsMovement.safeParse({ ...earn, kind: 'gift' }).success).toBe(false);
  });
});
