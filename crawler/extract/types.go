// Package extract reads one decoded HTML page of a Japanese shop and finds what
// the shop tells its customers: news notices, urgent banners, the payment
// methods it offers, links to news and payment pages, whether the page is a
// whole-site maintenance page, and which shop platform built it. It does no
// I/O: the crawler fetches and decodes, extract only reads.
package extract

import "time"

// LinkKind says why a link is worth following.
type LinkKind string

const (
	LinkNews    LinkKind = "news"    // a news / お知らせ list page
	LinkDetail  LinkKind = "detail"  // one notice's own page
	LinkPayment LinkKind = "payment" // お支払い方法, ご利用ガイド, 特定商取引法に基づく表記 ...
)

// Link is a same-site link the crawler should fetch next.
type Link struct {
	URL  string   `json:"url"` // absolute, fragment removed
	Kind LinkKind `json:"kind"`
}

// Notice is one news item as the shop published it.
type Notice struct {
	URL      string    `json:"url"`       // the page the text was read from (its detail page when it has one)
	Date     time.Time `json:"date"`      // zero when the page gives no readable date: never guessed
	DateText string    `json:"date_text"` // the date as written
	Title    string    `json:"title"`     // NFKC-normalised
	Body     string    `json:"body"`      // NFKC-normalised plain text, may be empty for list-only items
	// DetailURL is set when the item links to a same-site detail page whose body
	// the crawler should fetch and merge (Body then comes from that page).
	DetailURL string `json:"detail_url,omitempty"`
}

// Banner is an urgent announcement shown outside the news list (announcement
// bar, red text at the top of the page, a modal notice).
type Banner struct {
	URL  string `json:"url"`
	Text string `json:"text"` // NFKC-normalised
}

// PaymentMethod is one method listed on a payment-methods page.
type PaymentMethod struct {
	Name      string `json:"name"`      // as written, e.g. クレジットカード決済, 銀行振込
	Card      bool   `json:"card"`      // a credit-card method
	Suspended bool   `json:"suspended"` // marked 停止中 / ただいまご利用いただけません
	Text      string `json:"text"`      // the surrounding text that shows the state
}

// Payment is what a payment-methods page says.
type Payment struct {
	URL           string          `json:"url"`
	Methods       []PaymentMethod `json:"methods"`
	CardOffered   bool            `json:"card_offered"`   // a card method is listed
	CardSuspended bool            `json:"card_suspended"` // every listed card method is marked suspended
}

// Result is everything extract found on one page.
type Result struct {
	Platform        string   `json:"platform"` // see the Platform* constants
	PlatformVersion string   `json:"platform_version,omitempty"`
	Links           []Link   `json:"links,omitempty"`
	Notices         []Notice `json:"notices,omitempty"`
	Banners         []Banner `json:"banners,omitempty"`
	Payment         *Payment `json:"payment,omitempty"` // nil unless the page lists payment methods
	// Maintenance: the page as a whole is a maintenance page (メンテナンス中,
	// ただいま準備中です) rather than a shop page with a maintenance notice.
	Maintenance bool `json:"maintenance,omitempty"`
}

// Platform names, stored in the database and shown in feeds.
const (
	PlatformECCUBE2     = "eccube2"
	PlatformECCUBE4     = "eccube4"
	PlatformMakeShop    = "makeshop"
	PlatformColorMe     = "colorme"
	PlatformFutureShop  = "futureshop"
	PlatformShopify     = "shopify"
	PlatformBASE        = "base"
	PlatformSTORES      = "stores"
	PlatformWordPress   = "wordpress"
	PlatformWooCommerce = "woocommerce"
	PlatformWelcart     = "welcart"
	PlatformUnknown     = "unknown"
)
