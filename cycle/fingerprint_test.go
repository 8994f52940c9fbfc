package cycle

import "testing"

// One provider notice relayed by shops on different platforms: the list's
// title, a detail page's <title> with the shop's name before it, the title
// repeated at the start of the body, other punctuation. All one wording.
func TestNoticeFingerprintRelayedAcrossPlatforms(t *testing.T) {
	title := "【障害】カード決済がご利用いただけない事象について"
	body := "本日午前9時頃より、決済代行会社（サンプルペイ）側の通信障害により、カード決済がエラーとなっております。復旧までの間は銀行振込をご利用ください。"
	want := NoticeFingerprint(title, body)
	for _, v := range []struct{ title, body string }{
		{title, body},
		{"さくら雑貨店 " + title, body},
		{title, title + " " + body},
		{"さくら雑貨店 " + title, title + "\n" + body},
		{"カード決済がご利用いただけない事象について", body},
		{title, "本日 午前9時頃より、決済代行会社(サンプルペイ)側の通信障害により、カード決済がエラーとなっております。\n復旧までの間は銀行振込をご利用ください。"},
	} {
		if got := NoticeFingerprint(v.title, v.body); got != want {
			t.Errorf("NoticeFingerprint(%q, %q) = %s, want %s (same wording)", v.title, v.body, got, want)
		}
	}
}

// A short body is no wording of its own: the title tells notices apart.
func TestNoticeFingerprintShortBodyKeepsTitle(t *testing.T) {
	body := "詳細は下記をご確認ください。"
	a := NoticeFingerprint("クレジットカード決済停止のお知らせ", body)
	b := NoticeFingerprint("年末年始休業のお知らせ", body)
	if a == b {
		t.Errorf("two notices with the same short body and different titles share a fingerprint")
	}
	if NoticeFingerprint("", "") != "" {
		t.Errorf("an empty notice has a fingerprint")
	}
	// Two different stops with their own bodies stay apart.
	c := NoticeFingerprint("お知らせ", "決済システムのメンテナンスのため、クレジットカード決済を当面の間停止しております。")
	d := NoticeFingerprint("お知らせ", "システム不具合のため、クレジットカード決済を停止しております。再開時期は未定です。")
	if c == d {
		t.Errorf("two different stop wordings share a fingerprint")
	}
}
