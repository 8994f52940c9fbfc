package demoweb

// Platform names: the values of the extract.Platform* constants the markup
// imitates. They are repeated here rather than imported so that demoweb, which
// every end-to-end test starts, builds on its own while the extractor changes.
const (
	PlatformECCUBE2   = "eccube2"
	PlatformECCUBE4   = "eccube4"
	PlatformWordPress = "wordpress"
	PlatformColorMe   = "colorme"
	PlatformShopify   = "shopify"
	PlatformUnknown   = "unknown" // hand-made pages
)

// platforms is the order Generate draws markups from.
var platforms = []string{
	PlatformECCUBE2, PlatformECCUBE4, PlatformWordPress,
	PlatformColorMe, PlatformShopify, PlatformUnknown,
}
