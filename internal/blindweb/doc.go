// Package blindweb holds a whole-pipeline test written without looking at
// maintwatch's own generators (demoweb/, judge/sitesim): about forty shops on
// 127.0.0.1 in the markup of the platforms a watcher meets (EC-CUBE 2 and 4,
// MakeShop, カラーミーショップ, futureshop, Shopify, BASE, STORES, WordPress,
// hand-made Shift_JIS sites), in UTF-8, Shift_JIS, EUC-JP and under lying
// headers, with server faults, each following a day-by-day script. The test
// builds bin/watcher and drives it only through the command-line contract
// (sites import, crawl, sites list --json, feed --format json), once per
// simulated day, and scores every (site, day).
//
//	go test -run TestBlindWebShort -v ./internal/blindweb                      # always runs
//	MAINTWATCH_BLINDWEB=1 go test -timeout 40m -run TestBlindWeb -v ./internal/blindweb  # the whole web, 60 days
//
// It has no code of its own; README.md records the runs.
package blindweb
