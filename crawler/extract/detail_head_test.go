package extract

import (
	"strings"
	"testing"
	"time"
)

// A <title> that puts the shop's name before the notice's heading with only
// a space between: the title is the heading the page shows, and the body
// does not repeat it. A <title> the page does not show in part is kept whole.
func TestDetailTitleAfterShopName(t *testing.T) {
	page := func(title, heading string) string {
		return `<html><head><title>` + title + `</title></head><body>
<div id="M_freepage"><div class="freeTitle">` + heading + `</div><div class="freeDate">2027.02.27</div>
<div class="freeBody">本日2月27日(土) 午前8時40分頃より、クレジットカード決済がエラーとなる事象が発生しております。<br>
復旧までの間は、代金引換または銀行振込をご利用ください。</div></div>
<p><a href="/">トップページへ戻る</a></p></body></html>`
	}
	ref := time.Date(2027, 2, 27, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name, title, heading, want string
	}{
		{"shop name before", "ガーデニング 緑の庭 【障害】クレジットカード決済がご利用いただけない事象について",
			"【障害】クレジットカード決済がご利用いただけない事象について",
			"【障害】クレジットカード決済がご利用いただけない事象について"},
		{"shop name after, ideographic space", "カード決済エラーのお知らせ　緑の庭",
			"カード決済エラーのお知らせ", "カード決済エラーのお知らせ"},
		{"title not on the page: kept whole", "緑の庭 お知らせ詳細", "", "緑の庭 お知らせ詳細"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := Detail("http://shop.example/view/page/news1", page(tc.title, tc.heading), ref)
			if n.Title != tc.want {
				t.Errorf("title %q, want %q", n.Title, tc.want)
			}
			if tc.heading != "" && strings.HasPrefix(n.Body, tc.heading) {
				t.Errorf("body repeats the heading: %q", n.Body)
			}
			if !strings.HasPrefix(n.Body, "本日2月27日") && tc.heading != "" {
				t.Errorf("body %q, want it to start at 本日2月27日", n.Body)
			}
		})
	}
}
