package demoweb

import "time"

// StartDemo serves the bundled demo shops. Their scenario days are relative
// to now() at start, so the demo always shows a fresh case. At that moment
// exactly one shop is suspicious: the classic card stop that began two days
// ago (its メンテナンス notice and the システム不具合 notice a day later are
// both visible). The banner_only and payment_only shops begin a day after
// the start, so a watcher's first daily crawl sees them whole (the truths
// assume the shop was crawled before its day 0: a card method removed or
// marked 停止中 means something only against a page seen offering it); their
// signal is suspicious from a day after it appears, on the second daily
// cycle that sees it, i.e. from two days after the start.
func StartDemo(now func() time.Time) (*Web, error) {
	t0 := now()
	ago := func(d int) time.Time { return t0.Add(-time.Duration(d) * day) }
	return startShops(demoSpecs(t0, ago), now)
}

func demoSpecs(t0 time.Time, ago func(int) time.Time) []spec {
	return []spec{
		{Name: "宇治茶房 やまもと園", Genre: 0, Var: 0, Platform: PlatformECCUBE2, Charset: "utf-8", Scenario: Classic, Start: ago(2)},
		{Name: "京都 革工房 一文字", Genre: 1, Var: 0, Platform: PlatformECCUBE4, Charset: "utf-8", Scenario: Scheduled, Start: ago(1)},
		{Name: "うつわ処 土の香", Genre: 2, Var: 1, Platform: PlatformWordPress, Charset: "utf-8", Scenario: Resumed, Start: ago(10)},
		{Name: "沼津ひもの本舗 丸正", Genre: 8, Var: 2, Platform: PlatformUnknown, Charset: "shift_jis", MetaOnly: true, Scenario: Ordinary, Start: ago(30)},
		{Name: "北海道昆布 松前屋", Genre: 4, Var: 3, Platform: PlatformECCUBE2, Charset: "euc-jp", Scenario: Ordinary, Start: ago(20)},
		{Name: "ことのは文具店", Genre: 3, Var: 1, Platform: PlatformColorMe, Charset: "utf-8", Scenario: FraudPolicy, Start: ago(5)},
		{Name: "注染手ぬぐい 染の音", Genre: 6, Var: 4, Platform: PlatformShopify, Charset: "utf-8", Scenario: Ordinary, Start: ago(12)},
		{Name: "しずく石けん工房", Genre: 5, Var: 0, Platform: PlatformShopify, Charset: "utf-8", Scenario: BannerOnly, Start: t0.Add(day)},
		{Name: "山道具ハイランド", Genre: 9, Var: 2, Platform: PlatformECCUBE4, Charset: "utf-8", Scenario: PaymentOnly, Start: t0.Add(day)},
		{Name: "地酒の店 蔵元さかや", Genre: 7, Var: 1, Platform: PlatformWordPress, Charset: "utf-8", Scenario: MonthlyMaintenance, Start: ago(3)},
	}
}
