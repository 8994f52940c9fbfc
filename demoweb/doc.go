// Package demoweb serves realistic Japanese online shops on 127.0.0.1, written
// by us, for `watcher demo`, the end-to-end tests, the site-level evaluation
// and the benchmarks.
//
// Every shop listens on its own 127.0.0.1:PORT so that a crawler's per-host
// politeness treats them as separate sites. A shop's pages are rendered on
// request from a small description (name, platform, charset, scenario, day 0)
// and the injected clock, so that a test can replay days: a notice dated
// day N of its scenario is visible once now() >= Start + N*24h.
//
// # Scenarios and their ground truth
//
// Suspicious(t) answers: should a careful watcher that has crawled the shop
// at least once a day since before Start flag it at t? The truths:
//
//   - classic: day 0 an open-ended card suspension under a メンテナンス pretext
//     with other methods listed, day 1 a システム不具合 notice, day 45 an
//     extension, day 120 the leak announcement. Suspicious from day 0 on (an
//     explicit open-ended card stop flags at once, and the episode never
//     resolves: it ends as a confirmed leak).
//   - resumed: day 0 a short, open-ended card stop, day 3 再開いたしました.
//     Suspicious from day 0 until the resumption (day 3), false after.
//   - scheduled: day 0 a notice of a fixed night window a week ahead. Never.
//   - monthly_maintenance: a fixed-window card maintenance posted every 28
//     days, also before Start (the shop's own history). Never.
//   - provider_wide: the same 決済代行会社 maintenance wording with a fixed
//     window posted on many shops on the same day. Never.
//   - banner_only: a top-page bar "ただいまクレジットカード決済がご利用いた
//     だけません" from day 0, no news item. From day 1 (a weak signal needs
//     two cycles).
//   - payment_only: from day 0 the payment page marks クレジットカード 停止中
//     (even variants) or no longer lists it (odd variants) while the other
//     methods stay; no news item. From day 1.
//   - site_down: every page but robots.txt is a メンテナンス中 page (503, or 200
//     on some shops) from day 0. From day 1.
//   - leak_only: day 0 the leak announcement with no earlier sign on the site.
//     From day 0.
//   - phishing_warning, fraud_policy: card vocabulary (偽サイト, 不正注文,
//     3Dセキュア) with no suspension. Never.
//   - ordinary: only normal news (新商品, 送料, 夏季休業 ...). Never.
//
// Every shop also carries ordinary news before and after Start, so that a
// notice is never alone on its page.
package demoweb
