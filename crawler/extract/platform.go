package extract

import (
	"regexp"
	"strings"
)

// A fingerprint is a marker in the raw HTML (asset hosts, JS globals, class
// prefixes, paths) from PLATFORMS.md. Hosted platforms are tested first: a
// WordPress blog may link to a BASE shop, but a BASE shop is never WordPress.
type fingerprint struct {
	platform string
	markers  []string // lower-case substrings; any one is enough
}

var fingerprints = []fingerprint{
	{PlatformShopify, []string{"cdn.shopify.com", "/cdn/shop/", "shopify.theme", "shopify.shop", "myshopify.com", "shopify-section"}},
	{PlatformMakeShop, []string{"gigaplus.makeshop.jp", "makeshop_topsearch", "makeshop_ga_gtag", "makeshop.jp/", "/shop/shopdetail.html", "/shop/shopbrand.html"}},
	{PlatformColorMe, []string{"shop-pro.jp", "colorme.", "var colorme", "colorme =", "colorme_", "?mode=sk", "?mode=cate"}},
	{PlatformFutureShop, []string{"futureshop", "future-shop.jp", "fs2.jp", "fs-bm-"}},
	{PlatformBASE, []string{"baseec-img-mng.akamaized.net", ".thebase.in", "thebase.in/", "base.shop/", "powered by base", "base-ec"}},
	{PlatformSTORES, []string{"stores_jp", "stores.jp/", "storesjp", "st-static.stores.jp"}},
	{PlatformECCUBE4, []string{`name="eccube-csrf-token"`, "/html/template/default/assets/", "ec-layoutrole", "ec-headerrole", "ec-newsrole", "/template/default/assets/js/function.js"}},
	{PlatformECCUBE2, []string{"/js/eccube.js", "/js/eccube.legacy.js", "eccube.legacy.js", "win_op.js", "/user_data/packages/", "products/detail.php?product_id=", "products/list.php?category_id=", "id=\"news_area\"", "eccube.fnformsubmit", "ecsessid"}},
	{PlatformWelcart, []string{"usc-e-shop", "usces", "/usces-cart"}},
	{PlatformWooCommerce, []string{`content="woocommerce`, "woocommerce-", "wc-block", "/wp-content/plugins/woocommerce/"}},
	{PlatformWordPress, []string{"/wp-content/", "/wp-includes/", "/wp-json/", `content="wordpress`}},
}

var (
	reFSPath    = regexp.MustCompile(`(?:href|src)="(?:https?://[^/"]+)?/fs/[a-z0-9_-]+/`)
	reWPVersion = regexp.MustCompile(`(?i)<meta[^>]+content="wordpress\s+([0-9][0-9.]*)"`)
	reWCVersion = regexp.MustCompile(`(?i)<meta[^>]+content="woocommerce\s+([0-9][0-9.]*)"`)
	reUSCVer    = regexp.MustCompile(`(?i)usc-e-shop/[^"'?]*\?ver=([0-9][0-9.]*)`)
	reEC4Ver    = regexp.MustCompile(`(?i)ec-?cube\s*(4\.[0-9][0-9.]*)`)
	reEC3Assets = regexp.MustCompile(`/template/[a-z0-9_-]+/(?:css|js|img)/`)
)

// detectPlatform names the platform that built the page and, when the page
// gives it away, its version.
func detectPlatform(raw string) (string, string) {
	low := strings.ToLower(raw)
	for _, fp := range fingerprints {
		// EC-CUBE 3 shares EC-CUBE 2's js/eccube.js and #news_area but is
		// neither 2 nor 4: its assets sit right under /template/<name>/
		// (4 puts them under /template/<name>/assets/). It has no platform
		// name of its own, so no EC-CUBE 2 marker may name it.
		if fp.platform == PlatformECCUBE2 && strings.Contains(low, "/template/") && reEC3Assets.MatchString(low) {
			continue
		}
		for _, m := range fp.markers {
			if strings.Contains(low, m) {
				return fp.platform, platformVersion(fp.platform, raw, low)
			}
		}
		// futureshop serves every page under /fs/<shopkey>/: several such
		// links say so even when no asset names the platform.
		if fp.platform == PlatformFutureShop && strings.Count(low, "/fs/") >= 3 && len(reFSPath.FindAllStringIndex(low, 3)) == 3 {
			return PlatformFutureShop, ""
		}
	}
	return PlatformUnknown, ""
}

func platformVersion(platform, raw, low string) string {
	switch platform {
	case PlatformECCUBE2:
		// eccube.legacy.js shipped only with 2.13 (removed in 2.14);
		// eccube.js alone is 2.13 or later; win_op.js alone is before 2.13.
		switch {
		case strings.Contains(low, "eccube.legacy.js"):
			return "2.13"
		case strings.Contains(low, "/js/eccube.js"):
			return "2.13+"
		case strings.Contains(low, "win_op.js"):
			return "2.12-"
		}
	case PlatformECCUBE4:
		if m := reEC4Ver.FindStringSubmatch(raw); m != nil {
			return m[1]
		}
		return "4"
	case PlatformWordPress:
		if m := reWPVersion.FindStringSubmatch(raw); m != nil {
			return m[1]
		}
	case PlatformWooCommerce:
		if m := reWCVersion.FindStringSubmatch(raw); m != nil {
			return m[1]
		}
	case PlatformWelcart:
		if m := reUSCVer.FindStringSubmatch(raw); m != nil {
			return m[1]
		}
	}
	return ""
}
